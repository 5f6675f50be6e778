package nl.kamerstukken.kit.jvm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's ahead-of-time cache (JDK 25 and later: JEPs 483, 514, 515) for the JVMs this process
 * starts: the classes an earlier run of the same class path loaded and linked, and its method
 * profiles, so a JVM starts and warms up with much less CPU.
 *
 * <p>Contract: a JVM {@link #launch launched} under a name trains ({@code -XX:AOTCacheOutput}) when
 * the folder has no cache for that name, class path and JDK. When that JVM exits, the JDK writes
 * its training configuration ({@code <file>.config}) and a JVM of its own turns it into the cache,
 * then removes the configuration: a training file without its configuration beside it is complete.
 * Such a file is adopted (an atomic rename to the name later launches use) as soon as it is seen
 * complete, by {@link Launch#exited} or by the next {@link #launch}; files of a training JVM that
 * was killed are removed once they are older than {@link #ABANDONED}. Launches with a cache get
 * {@code -XX:AOTCache}: a cache the JDK finds unusable it ignores (its default mode, auto), so a
 * bad cache costs speed, never correctness. Changing a jar or the JDK changes the key, so the next
 * launch trains again, and caches of the old key are removed when the new one is adopted.
 */
public final class AotCache {

  /** The first JDK with {@code -XX:AOTCacheOutput} (training and creation in one run). */
  public static final int FIRST_JDK = 25;

  private static final Logger LOG = LoggerFactory.getLogger(AotCache.class);
  private static final Pattern TRAINING = Pattern.compile(".*\\.training-pid(\\d+)\\.aot.*");

  /** Training files this old whose JVM no longer runs are left over from a killed training. */
  static final Duration ABANDONED = Duration.ofMinutes(10);

  private final Path dir;
  private final String jdk;

  private AotCache(Path dir, String jdk) {
    this.dir = dir;
    this.jdk = jdk;
  }

  /**
   * A cache in {@code dir} for child JVMs run by the JDK of this JVM; empty when {@code dir} is
   * null or this JDK is older than {@value #FIRST_JDK}.
   */
  public static Optional<AotCache> of(Path dir) {
    return of(dir, Runtime.version());
  }

  static Optional<AotCache> of(Path dir, Runtime.Version version) {
    if (dir == null || version.feature() < FIRST_JDK) {
      return Optional.empty();
    }
    return Optional.of(new AotCache(dir.toAbsolutePath(), version.toString()));
  }

  /**
   * The options for one JVM named {@code name} (e.g. {@code index-service}) running {@code
   * classPath} ({@link File#pathSeparator}-separated; a jar's {@code lib} folder beside it counts
   * as part of it). Call {@link Launch#exited} when that JVM has ended.
   */
  public Launch launch(String name, String classPath) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("cache name must be lowercase words, was " + name);
    }
    String prefix = name + "-" + key(classPath);
    Path cache = dir.resolve(prefix + ".aot");
    try {
      Files.createDirectories(dir);
      adoptFinishedTraining(prefix, cache);
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("AOT cache folder [{}] unusable, [{}] runs without: {}", dir, name, e.toString());
      return new Launch(List.of(), cache, null, dir, name);
    }
    if (Files.isRegularFile(cache)) {
      return new Launch(List.of("-XX:AOTCache=" + cache), cache, null, dir, name);
    }
    // %p: the JDK writes the training JVM's pid into the name, so two JVMs training the same
    // cache at the same time never write the same file.
    String training = prefix + ".training-%p.aot";
    // aot*=error: training lists every class it cannot keep as a warning, hundreds of lines on
    // the console at each exit; the cache writer the JDK starts inherits the setting.
    return new Launch(
        List.of("-XX:AOTCacheOutput=" + dir.resolve(training), "-Xlog:aot*=error"),
        cache,
        training,
        dir,
        name);
  }

  /**
   * Adopts a complete training file of {@code prefix} when there is no cache yet; removes training
   * files of JVMs that no longer run and did not finish within {@link #ABANDONED}.
   */
  private void adoptFinishedTraining(String prefix, Path cache) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String fileName = file.getFileName().toString();
        Matcher training = TRAINING.matcher(fileName);
        if (!fileName.startsWith(prefix + ".") || !training.matches() || !Files.exists(file)) {
          continue;
        }
        boolean running = ProcessHandle.of(Long.parseLong(training.group(1))).isPresent();
        if (fileName.endsWith(".aot") && !running && complete(file) && !Files.exists(cache)) {
          adopt(file, cache, dir, prefix.substring(0, prefix.lastIndexOf('-')));
        } else if (!running && olderThan(file, ABANDONED)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static boolean complete(Path training) {
    return Files.isRegularFile(training) && !Files.exists(Path.of(training + ".config"));
  }

  private static boolean olderThan(Path file, Duration age) throws IOException {
    return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(age));
  }

  /** Renames a complete training file into place and removes caches of the name's other keys. */
  private static void adopt(Path training, Path cache, Path dir, String name) throws IOException {
    Files.move(training, cache, StandardCopyOption.ATOMIC_MOVE);
    LOG.info("AOT cache for [{}] trained: [{}]", name, cache);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String fileName = file.getFileName().toString();
        if (fileName.startsWith(name + "-")
            && fileName.endsWith(".aot")
            && !file.equals(cache)
            && !TRAINING.matcher(fileName).matches()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * What one launch uses: its JVM options, and after the JVM ended, adoption of the cache it
   * trained.
   */
  public record Launch(
      List<String> options, Path cache, String trainingPattern, Path dir, String name) {

    /** Whether this launch writes a cache when its JVM exits (there was none to use). */
    public boolean trains() {
      return trainingPattern != null;
    }

    /**
     * Adopts the cache the JVM with {@code pid} trained if it is complete already (else the next
     * {@link #launch} of the name adopts it). Never throws: a cache is only an optimisation.
     */
    public void exited(long pid) {
      if (!trains()) {
        return;
      }
      Path written = dir.resolve(trainingPattern.replace("%p", "pid" + pid));
      try {
        if (complete(written) && !Files.exists(cache)) {
          adopt(written, cache, dir, name);
        }
      } catch (IOException e) {
        LOG.warn("AOT cache for [{}] not adopted yet: {}", name, e.toString());
      }
    }
  }

  /**
   * A short hash of the JDK version and of each class path entry's path, size and modification time
   * (with the jars of a {@code lib} folder beside a jar, where thin jars keep their dependencies).
   */
  String key(String classPath) {
    List<String> parts = new ArrayList<>();
    parts.add(jdk);
    for (String entry : classPath.split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      parts.add(describe(path));
      Path lib = path.resolveSibling("lib");
      if (entry.endsWith(".jar") && Files.isDirectory(lib)) {
        try (Stream<Path> jars = Files.list(lib)) {
          jars.sorted().map(AotCache::describe).forEach(parts::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(Path path) {
    try {
      return path + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return path + " missing";
    }
  }
}
