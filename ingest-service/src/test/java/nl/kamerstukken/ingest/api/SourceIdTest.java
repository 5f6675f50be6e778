package nl.kamerstukken.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceIdTest {

  @TempDir Path dir;

  @Test
  void aFolderHasOneIdHoweverItIsNamed() throws Exception {
    // Given a folder, and a link to it
    Path inbox = Files.createDirectories(dir.resolve("Inbox A"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), inbox);

    // When it is named by its path, with a detour, and through the link
    SourceId plain = SourceId.folder(inbox);
    SourceId detour = SourceId.folder(dir.resolve("x/../Inbox A"));
    SourceId linked = SourceId.folder(link);

    // Then each names the same source, with a readable, file-name safe id
    assertThat(detour).isEqualTo(plain);
    assertThat(linked).isEqualTo(plain);
    assertThat(plain.id()).matches("folder-inbox-a-[0-9a-f]{8}");
    assertThat(plain.location()).isEqualTo(inbox.toRealPath().toString());
  }

  @Test
  void twoFoldersWithTheSameNameAreTwoSources() throws Exception {
    Path one = Files.createDirectories(dir.resolve("a/inbox"));
    Path two = Files.createDirectories(dir.resolve("b/inbox"));

    assertThat(SourceId.folder(one).id()).isNotEqualTo(SourceId.folder(two).id());
  }

  @Test
  void aBucketIsNamedByItsUriWithOrWithoutTheLastSlash() {
    SourceId bucket = SourceId.bucket("kamerstukken-inbox", "2026/");

    assertThat(bucket.location()).isEqualTo("s3://kamerstukken-inbox/2026");
    assertThat(SourceId.parse("s3://kamerstukken-inbox/2026/")).isEqualTo(bucket);
    assertThat(bucket.isNamedBy("s3://kamerstukken-inbox/2026")).isTrue();
    assertThat(bucket.isNamedBy(bucket.id())).isTrue();
    assertThat(bucket.isNamedBy("s3://kamerstukken-inbox")).isFalse();
    assertThat(SourceId.bucket("kamerstukken-inbox", "").location())
        .isEqualTo("s3://kamerstukken-inbox");
  }

  @Test
  void aUserNamesAFolderSourceByItsPathOrItsId() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    SourceId source = SourceId.folder(inbox);

    assertThat(source.isNamedBy(inbox.toString())).isTrue();
    assertThat(source.isNamedBy(inbox + "/")).isTrue();
    assertThat(source.isNamedBy(source.id())).isTrue();
    assertThat(source.isNamedBy(dir.toString())).isFalse();
    assertThat(SourceId.parse("koop")).isEqualTo(SourceId.koop());
  }
}
