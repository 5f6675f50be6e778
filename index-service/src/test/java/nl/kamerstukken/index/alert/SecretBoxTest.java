package nl.kamerstukken.index.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import nl.kamerstukken.index.config.AlertSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

  @TempDir Path dir;

  @Test
  void aSealedSecretOpensForItsAlertAndDoesNotShowTheSecret() {
    SecretBox box = new SecretBox(key(1));

    String sealed = box.seal("stikstof", "geheim-123");

    assertThat(sealed).startsWith("v1:").doesNotContain("geheim-123");
    assertThat(box.open("stikstof", sealed)).isEqualTo("geheim-123");
    assertThat(box.seal("stikstof", "geheim-123"))
        .as("a fresh nonce each time")
        .isNotEqualTo(sealed);
  }

  @Test
  void aSealedSecretDoesNotOpenForAnotherAlertOrWithAnotherKey() {
    String sealed = new SecretBox(key(1)).seal("stikstof", "geheim-123");

    assertThatThrownBy(() -> new SecretBox(key(1)).open("andere-alert", sealed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another key or for another alert");
    assertThatThrownBy(() -> new SecretBox(key(2)).open("stikstof", sealed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutAConfiguredKeyAnOwnerOnlyKeyFileIsMadeOnceAndReused() throws Exception {
    Path file = dir.resolve("state").resolve("alert-secret.key");
    AlertSettings settings =
        new AlertSettings(
            null,
            file,
            3,
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            null);

    String sealed = SecretBox.of(settings).seal("a", "s");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SecretBox.of(settings).open("a", sealed)).isEqualTo("s");
  }

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }
}
