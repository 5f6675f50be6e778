package nl.kamerstukken.localstack.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import nl.kamerstukken.localstack.host.ServiceUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch distribution as the service user can reach it. The build unpacks it below the
 * checkout, which may sit below a folder closed to other users (such as /root); then one
 * world-readable copy is made in the temp dir and shared by every JVM of this machine (written
 * under a private name, then renamed, so concurrent JVMs do not collide).
 */
final class ReadableDistribution {

  private static final Logger LOG = LoggerFactory.getLogger(ReadableDistribution.class);

  private ReadableDistribution() {}

  static Path forUser(Path home, ServiceUser user) {
    if (reachable(home, user)) {
      return home;
    }
    Path copy =
        Path.of(System.getProperty("java.io.tmpdir")).resolve("kamerstukken-" + home.getFileName());
    if (!reachable(copy, user)) {
      copyAtomically(home, copy);
    }
    if (!reachable(copy, user)) {
      throw new IllegalStateException(
          "User ["
              + user.name()
              + "] can read neither the Elasticsearch distribution at ["
              + home
              + "] nor its copy at ["
              + copy
              + "]. Set KAMERSTUKKEN_ES_HOME to a copy in a folder every user can "
              + "read.");
    }
    LOG.warn(
        "User [{}] cannot read the Elasticsearch distribution at [{}] (a folder on the way is closed to other "
            + "users); using the readable copy at [{}]",
        user.name(),
        home,
        copy);
    return copy;
  }

  private static boolean reachable(Path home, ServiceUser user) {
    return user.canAccess(home.resolve("bin/elasticsearch"), 'x')
        && user.canAccess(home.resolve("lib"), 'x');
  }

  private static void copyAtomically(Path home, Path copy) {
    Path staging =
        copy.resolveSibling(copy.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      deleteTree(staging);
      try (Stream<Path> paths = Files.walk(home)) {
        for (Path path : (Iterable<Path>) paths::iterator) {
          Path target = staging.resolve(home.relativize(path).toString());
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
          openForOthers(target);
        }
      }
      moveUnlessPresent(staging, copy);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not copy the Elasticsearch distribution from " + home + " to " + copy, e);
    } finally {
      deleteTree(staging);
    }
  }

  /** Never replaces an existing copy: another JVM may be running Elasticsearch from it. */
  private static void moveUnlessPresent(Path staging, Path copy) throws IOException {
    try {
      Files.move(staging, copy, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.isDirectory(copy)) {
        throw e;
      }
      // Another JVM finished its copy first: use that one.
    }
  }

  private static void openForOthers(Path path) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
    permissions.add(PosixFilePermission.OTHERS_READ);
    if (Files.isDirectory(path) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
      permissions.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    Files.setPosixFilePermissions(path, permissions);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + dir, e);
    }
  }
}
