package nl.kamerstukken.localstack.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs installed under a JVM root such as {@code /usr/lib/jvm}: each JDK's {@code release} file
 * names its version. Used to find a JDK for Elasticsearch, and by tests that need a newer JDK than
 * the one running them.
 */
public final class InstalledJdks {

  /** The usual JVM root of Debian and Ubuntu. */
  public static final Path JVM_ROOT = Path.of("/usr/lib/jvm");

  private static final Pattern JAVA_VERSION =
      Pattern.compile("(?m)^JAVA_VERSION=\"?([^\"\\s]+)\"?");

  private InstalledJdks() {}

  /** One JDK: its home and its feature version (17, 21, 25). */
  public record Jdk(Path home, int feature) {

    public Path java() {
      return home.resolve("bin").resolve("java");
    }
  }

  /** The JDKs under {@code root} with a known version and an executable {@code bin/java}. */
  public static List<Jdk> under(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Jdk> jdks = new ArrayList<>();
    try (Stream<Path> homes = Files.list(root)) {
      for (Path home : homes.sorted().toList()) {
        OptionalInt feature = featureOf(home);
        if (feature.isPresent() && Files.isExecutable(home.resolve("bin/java"))) {
          jdks.add(new Jdk(home, feature.getAsInt()));
        }
      }
    } catch (IOException e) {
      return jdks;
    }
    return jdks;
  }

  /** The newest JDK under {@code root} of feature {@code minimumFeature} or later. */
  public static Optional<Jdk> newest(Path root, int minimumFeature) {
    return under(root).stream()
        .filter(jdk -> jdk.feature() >= minimumFeature)
        .max(Comparator.comparingInt(Jdk::feature));
  }

  /** The feature version (17, 21, 25) from {@code <home>/release}, if that file names one. */
  public static OptionalInt featureOf(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return OptionalInt.empty();
    }
    try {
      Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
      return matcher.find() ? parseFeature(matcher.group(1)) : OptionalInt.empty();
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  /** "25.0.3" is 25, "21" is 21, "22-ea" is 22, and the old scheme "1.8.0_392" is 8. */
  static OptionalInt parseFeature(String javaVersion) {
    Matcher matcher = Pattern.compile("^(\\d+)(?:\\.(\\d+))?").matcher(javaVersion);
    if (!matcher.find()) {
      return OptionalInt.empty();
    }
    int first = Integer.parseInt(matcher.group(1));
    if (first == 1 && matcher.group(2) != null) {
      return OptionalInt.of(Integer.parseInt(matcher.group(2)));
    }
    return OptionalInt.of(first);
  }
}
