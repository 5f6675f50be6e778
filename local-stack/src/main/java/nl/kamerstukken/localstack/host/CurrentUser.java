package nl.kamerstukken.localstack.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this JVM runs as. */
final class CurrentUser {

  private CurrentUser() {}

  static boolean isRoot() {
    try {
      // /proc/self belongs to the effective user of this process.
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
