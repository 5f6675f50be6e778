package nl.kamerstukken.localstack.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceUserTest {

  @TempDir Path dir;

  @Test
  void commandRunsThroughSetprivWithoutSupplementaryGroups() {
    // Given
    ServiceUser user = new ServiceUser("kamerstukken-es", 999, 995);

    // When / Then
    assertThat(user.wrap(java.util.List.of("/es/bin/elasticsearch", "-d")))
        .containsExactly(
            "setpriv",
            "--reuid=999",
            "--regid=995",
            "--clear-groups",
            "--",
            "/es/bin/elasticsearch",
            "-d");
  }

  @Test
  void remedyNamesTheFoldersOthersCannotEnter() throws IOException {
    // Given a closed folder on the way to the path
    Path closed = Files.createDirectories(dir.resolve("private"));
    Path path = Files.createDirectories(closed.resolve("es/bin")).resolve("elasticsearch");
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    PosixAccess.openForOthers(dir);

    // When
    String remedy = ServiceUser.remedy(path, "set KAMERSTUKKEN_ES_HOME to a readable copy");

    // Then
    assertThat(remedy)
        .contains("closed to other users")
        .contains(closed.toString())
        .contains("chmod o+x")
        .endsWith("Or set KAMERSTUKKEN_ES_HOME to a readable copy.");
    assertThat(remedy).doesNotContain(closed.resolve("es").toString() + ",");
  }
}
