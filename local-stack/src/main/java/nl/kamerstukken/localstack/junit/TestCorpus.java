package nl.kamerstukken.localstack.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real Kamerstukken with ground truth. Looked up in env {@code
 * KAMERSTUKKEN_CORPUS} (and only there when it is set), else system property {@code
 * kamerstukken.corpus.default} (set by Surefire/Failsafe), else {@code ../shared/corpus} relative
 * to the working dir and each of its parents. Corpus files are never copied into the repository.
 */
public final class TestCorpus {

  static final String ENV = "KAMERSTUKKEN_CORPUS";
  static final String PROPERTY = "kamerstukken.corpus.default";

  private TestCorpus() {}

  /** The corpus folder, if there is one. */
  public static Optional<Path> dir() {
    return lookup().found();
  }

  /** The corpus folder; aborts (skips) the calling test when there is none. */
  public static Path require() {
    Lookup lookup = lookup();
    return lookup.found().orElseGet(() -> Assumptions.abort(lookup.notFoundMessage()));
  }

  /**
   * A corpus file, e.g. {@code truth/kst-26643-1522.json}; skips without corpus, fails when the
   * file is absent.
   */
  public static Path file(String name) {
    Path corpus = require();
    Path file = corpus.resolve(name);
    if (!Files.isRegularFile(file)) {
      Assertions.fail(
          "Corpus file ["
              + name
              + "] not found in ["
              + corpus
              + "]: is this corpus older than the test?");
    }
    return file;
  }

  private static Lookup lookup() {
    return lookup(System.getenv(ENV), System.getProperty(PROPERTY), Path.of("").toAbsolutePath());
  }

  static Lookup lookup(String env, String property, Path workingDir) {
    if (env != null && !env.isBlank()) {
      return Lookup.of(List.of(Path.of(env)), true);
    }
    List<Path> candidates = new ArrayList<>();
    if (property != null && !property.isBlank()) {
      candidates.add(Path.of(property).toAbsolutePath().normalize());
    }
    for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
      candidates.add(dir.resolve("../shared/corpus").normalize());
    }
    return Lookup.of(candidates, false);
  }

  /** Where the corpus was looked for, and the first of those that exists. */
  record Lookup(Optional<Path> found, List<Path> tried, boolean fromEnv) {

    Lookup {
      tried = List.copyOf(tried);
    }

    static Lookup of(List<Path> candidates, boolean fromEnv) {
      return new Lookup(
          candidates.stream().filter(Files::isDirectory).findFirst(), candidates, fromEnv);
    }

    String notFoundMessage() {
      String where = fromEnv ? ENV + "=" + tried.get(0) : String.valueOf(tried);
      return "Kamerstukken test corpus not found at "
          + where
          + ": set "
          + ENV
          + " to the corpus folder (the one with truth/ and MANIFEST.tsv)";
    }
  }
}
