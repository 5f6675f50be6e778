package nl.kamerstukken.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".hidden.pdf",
        ".DS_Store",
        "download.pdf.part",
        "REPORT.PART",
        "x.tmp",
        "Y.TMP",
        "~$vragen.docx",
        "kst-1.pdf.crdownload",
        ".~lock.doc#"
      })
  void ignoresHiddenAndTemporaryNames(String name) {
    assertThat(NameRules.ignored(name)).as(name).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kst-26643-1522.pdf",
        "ah-tk-20252026-1234.docx",
        "met spaties.pdf",
        "partij.pdf",
        "tmp.pdf",
        "a~$b.pdf",
        "één reünie.pdf",
        "notes.txt"
      })
  void acceptsOrdinaryNames(String name) {
    assertThat(NameRules.ignored(name)).as(name).isFalse();
  }
}
