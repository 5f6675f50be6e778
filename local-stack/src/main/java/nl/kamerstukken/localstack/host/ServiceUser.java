package nl.kamerstukken.localstack.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unprivileged system user that runs a child process when this JVM runs as root (Elasticsearch
 * refuses root). The user is created once with {@code useradd --system}; the child is started
 * through {@code setpriv}, which execs, so the child's pid is the service's own.
 */
public final class ServiceUser {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceUser.class);
  private static final int CREATE_ATTEMPTS = 3;

  private final String name;
  private final int uid;
  private final int gid;

  ServiceUser(String name, int uid, int gid) {
    this.name = name;
    this.uid = uid;
    this.gid = gid;
  }

  /**
   * Empty when this JVM does not run as root; otherwise the user {@code name}, created if it does
   * not exist yet.
   */
  public static Optional<ServiceUser> whenRoot(String name) {
    return CurrentUser.isRoot() ? Optional.of(ensureExists(name)) : Optional.empty();
  }

  static ServiceUser ensureExists(String name) {
    for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
      Optional<ServiceUser> existing = lookup(name);
      if (existing.isPresent()) {
        return existing.get();
      }
      // Another JVM may create the same user at the same moment (useradd then fails or finds
      // /etc/passwd locked):
      // look again before giving up.
      HostCommand useradd =
          HostCommand.run(
              List.of(
                  "useradd",
                  "--system",
                  "--no-create-home",
                  "--user-group",
                  "--shell",
                  "/usr/sbin/nologin",
                  name));
      if (useradd.succeeded()) {
        LOG.info(
            "Created system user [{}] to run Elasticsearch, which refuses to run as root", name);
      } else if (attempt == CREATE_ATTEMPTS && lookup(name).isEmpty()) {
        throw new IllegalStateException(
            "Running as root, so Elasticsearch must run as an unprivileged user, but "
                + "'useradd --system "
                + name
                + "' failed (exit "
                + useradd.exitCode()
                + "): "
                + useradd.output()
                + ". Create the user yourself, run as a non-root user, or point at an existing Elasticsearch.");
      }
    }
    return lookup(name)
        .orElseThrow(
            () -> new IllegalStateException("User [" + name + "] vanished after creation"));
  }

  static Optional<ServiceUser> lookup(String name) {
    HostCommand getent = HostCommand.run(List.of("getent", "passwd", name));
    if (!getent.succeeded()) {
      return Optional.empty();
    }
    String[] fields = getent.output().split(":");
    return Optional.of(
        new ServiceUser(name, Integer.parseInt(fields[2]), Integer.parseInt(fields[3])));
  }

  public String name() {
    return name;
  }

  /** {@code command} prefixed so that it runs as this user, with no supplementary groups. */
  public List<String> wrap(List<String> command) {
    List<String> wrapped =
        new ArrayList<>(
            List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * Makes this user the owner of {@code dir} and everything below it (symbolic links are not
   * followed).
   */
  public void own(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not give " + dir + " to user " + name, e);
    }
  }

  /**
   * Fails unless this user passes {@code test -<flag> path} ({@code r}, {@code w} or {@code x}).
   * The message names the folders on the way that others cannot enter (the usual cause) and {@code
   * alternative}, another way out.
   */
  public void requireAccess(Path path, char flag, String what, String alternative) {
    if (!canAccess(path, flag)) {
      throw new IllegalStateException(
          "Running as root, so Elasticsearch runs as user ["
              + name
              + "], but that user "
              + "cannot "
              + verb(flag)
              + " "
              + what
              + " ["
              + path
              + "]. "
              + remedy(path, alternative));
    }
  }

  /** Whether this user passes {@code test -<flag> path} ({@code r}, {@code w} or {@code x}). */
  public boolean canAccess(Path path, char flag) {
    return HostCommand.run(wrap(List.of("test", "-" + flag, path.toString()))).succeeded();
  }

  private static String verb(char flag) {
    return flag == 'w' ? "write" : flag == 'x' ? "execute or enter" : "read";
  }

  static String remedy(Path path, String alternative) {
    List<Path> closed = new ArrayList<>();
    for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      if (!PosixAccess.othersCanEnter(dir)) {
        closed.add(dir);
      }
    }
    String folders =
        closed.isEmpty()
            ? ""
            : "These folders on the way are closed to other users: "
                + closed
                + " (fix with chmod o+x on each). ";
    return folders + "Or " + alternative + ".";
  }
}
