package nl.kamerstukken.localstack.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/** File modes that decide whether a service user can reach a path. */
public final class PosixAccess {

  private PosixAccess() {}

  static boolean othersCanEnter(Path dir) {
    try {
      return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE);
    } catch (IOException | UnsupportedOperationException e) {
      return true;
    }
  }

  /**
   * Opens a folder this JVM created (such as a temp dir, which Java creates as rwx------) so that a
   * service user can enter it and list it.
   */
  public static void openForOthers(Path dir) {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open " + dir + " for other users", e);
    }
  }
}
