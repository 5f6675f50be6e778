package nl.kamerstukken.localstack.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import nl.kamerstukken.localstack.host.InstalledJdks;
import nl.kamerstukken.localstack.host.InstalledJdks.Jdk;

/**
 * Finds a JDK 21+ for Elasticsearch: {@code ES_JAVA_HOME} when set (and then only that), else the
 * newest JDK under the JVM root (each JDK's {@code release} file names its version), else the
 * running JVM when it is 21+.
 */
final class JdkLocator {

  static final int MINIMUM_FEATURE = 21;
  static final String ENV = "ES_JAVA_HOME";

  private final String esJavaHome;
  private final Path jvmRoot;
  private final Path runningHome;
  private final int runningFeature;

  JdkLocator(String esJavaHome, Path jvmRoot, Path runningHome, int runningFeature) {
    this.esJavaHome = esJavaHome;
    this.jvmRoot = jvmRoot;
    this.runningHome = runningHome;
    this.runningFeature = runningFeature;
  }

  static JdkLocator forThisMachine() {
    return new JdkLocator(
        System.getenv(ENV),
        Path.of("/usr/lib/jvm"),
        Path.of(System.getProperty("java.home")),
        Runtime.version().feature());
  }

  /**
   * The JDK home to run Elasticsearch with; fails with a message saying where it looked and what to
   * do.
   */
  Path locate() {
    if (esJavaHome != null && !esJavaHome.isBlank()) {
      return fromEnvironment(Path.of(esJavaHome));
    }
    List<Jdk> installed = InstalledJdks.under(jvmRoot);
    Optional<Jdk> newest = InstalledJdks.newest(jvmRoot, MINIMUM_FEATURE);
    if (newest.isPresent()) {
      return newest.get().home();
    }
    if (runningFeature >= MINIMUM_FEATURE) {
      return runningHome;
    }
    throw new IllegalStateException(
        "No JDK "
            + MINIMUM_FEATURE
            + "+ found to run Elasticsearch (it needs Java "
            + MINIMUM_FEATURE
            + " or newer). Looked at: "
            + ENV
            + " (not set); "
            + jvmRoot
            + " ("
            + (installed.isEmpty() ? "no JDK found" : describe(installed))
            + "); the running JVM "
            + runningHome
            + " (Java "
            + runningFeature
            + "). Install a JDK "
            + MINIMUM_FEATURE
            + " or newer and set "
            + ENV
            + " to its home, or point at an existing Elasticsearch instead (launcher: --elasticsearch-url; tests: env "
            + "KAMERSTUKKEN_ELASTICSEARCH).");
  }

  private Path fromEnvironment(Path home) {
    if (!Files.isExecutable(home.resolve("bin/java"))) {
      throw new IllegalStateException(
          ENV
              + "=["
              + home
              + "] has no executable bin/java: point "
              + ENV
              + " at a JDK "
              + MINIMUM_FEATURE
              + "+ home, or unset it to let local-stack look under "
              + jvmRoot
              + ".");
    }
    OptionalInt feature = InstalledJdks.featureOf(home);
    if (feature.isPresent() && feature.getAsInt() < MINIMUM_FEATURE) {
      throw new IllegalStateException(
          ENV
              + "=["
              + home
              + "] is Java "
              + feature.getAsInt()
              + ", but Elasticsearch needs Java "
              + MINIMUM_FEATURE
              + " or newer: point "
              + ENV
              + " at a newer JDK.");
    }
    return home;
  }

  private static String describe(List<Jdk> jdks) {
    return jdks.stream()
        .map(jdk -> jdk.home().getFileName() + " = Java " + jdk.feature())
        .collect(Collectors.joining(", "));
  }
}
