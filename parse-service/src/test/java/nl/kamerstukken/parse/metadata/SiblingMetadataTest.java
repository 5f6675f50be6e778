package nl.kamerstukken.parse.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata record beside a file is looked up only beside it, whatever the name in the event
 * says.
 */
class SiblingMetadataTest {

  private static final String RECORD =
      "<metadata><meta name=\"DC.identifier\" content=\"kst-1-2\"/></metadata>";

  @TempDir Path dir;

  @Test
  void aNameWithDotDotNeverLeadsOutOfTheFilesFolder() throws IOException {
    // Given a blob two folders down, and a record two folders up that a name with ../../ would
    // reach
    Path blobs = Files.createDirectories(dir.resolve("blobs/ab"));
    Path blob = Files.writeString(blobs.resolve("ab12cd"), "bytes");
    Files.writeString(dir.resolve("x.metadata.xml"), RECORD);

    // When the record is looked up under the name "../../x.pdf"
    // Then nothing outside the blob's folder is read
    assertThat(SiblingMetadata.find(blob, "../../x.pdf")).isEmpty();
    assertThat(SiblingMetadata.find(blob, "..\\..\\x.pdf")).isEmpty();

    // And the name's last element is used beside the blob
    Files.writeString(blobs.resolve("x.metadata.xml"), RECORD);
    assertThat(SiblingMetadata.find(blob, "../../x.pdf"))
        .containsEntry("DC.identifier", List.of("kst-1-2"));
  }

  @Test
  void aRecordThatIsALinkIsNotFollowed() throws IOException {
    // Given a link beside the file that points at a record elsewhere
    Path folder = Files.createDirectories(dir.resolve("inbox"));
    Path file = Files.writeString(folder.resolve("kst.pdf"), "bytes");
    Path elsewhere = Files.writeString(dir.resolve("elders.xml"), RECORD);
    Files.createSymbolicLink(folder.resolve("kst.metadata.xml"), elsewhere);

    // When it is looked up, then the link is not read
    assertThat(SiblingMetadata.find(file, "kst.pdf")).isEmpty();
  }

  @Test
  void baseNameKeepsOnlyTheLastElement() {
    assertThat(SiblingMetadata.baseName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
    assertThat(SiblingMetadata.baseName("..")).isEmpty();
    assertThat(SiblingMetadata.baseName("map\\sub\\kst.pdf")).isEqualTo("kst.pdf");
    assertThat(SiblingMetadata.baseName("kst 1 ü.pdf")).isEqualTo("kst 1 ü.pdf");
    assertThat(SiblingMetadata.baseName(null)).isEmpty();
  }
}
