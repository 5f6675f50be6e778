package nl.kamerstukken.assemble.kamerstuk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StemsTest {

  @Test
  void aRecordAndTheRenditionsBesideItShareTheStemInAFolderAndInABucket() {
    assertThat(Stems.of("2021/X.pdf"))
        .isEqualTo(Stems.of("2021/X.metadata.xml"))
        .isEqualTo(Stems.of("2021/X.metadata_owms.xml"))
        .isEqualTo(Stems.of("2021/X.xml"))
        .isEqualTo("2021/X");
    assertThat(Stems.of("s3://inbox/2021/X.pdf"))
        .isEqualTo(Stems.of("s3://inbox/2021/X.METADATA.xml"))
        .isEqualTo("s3://inbox/2021/X");
  }

  @Test
  void theSameNameInAnotherFolderIsAnotherStem() {
    assertThat(Stems.of("2022/X.pdf")).isNotEqualTo(Stems.of("2021/X.metadata.xml"));
    assertThat(Stems.of("X.pdf")).isEqualTo("X");
    assertThat(Stems.of((String) null)).isEmpty();
  }
}
