package nl.kamerstukken.tools.score;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared corpus for tests: env {@code KAMERSTUKKEN_CORPUS}, else system property {@code
 * kamerstukken.corpus.default} (set by Surefire from the parent pom), else {@code ../shared/corpus}
 * from the working directory or one of its parents. Aborts the calling test when there is none.
 */
final class CorpusLocator {

  private CorpusLocator() {}

  static Path corpus() {
    String env = System.getenv("KAMERSTUKKEN_CORPUS");
    if (env != null && !env.isBlank()) {
      return require(Path.of(env), "KAMERSTUKKEN_CORPUS");
    }
    String property = System.getProperty("kamerstukken.corpus.default");
    if (property != null
        && !property.isBlank()
        && Files.isDirectory(Path.of(property).resolve("truth"))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/corpus").normalize();
      if (Files.isDirectory(candidate.resolve("truth"))) {
        return candidate;
      }
    }
    Assumptions.abort(
        "corpus not found: set KAMERSTUKKEN_CORPUS to the folder that holds the corpus files and"
            + " truth/, or put it at ../shared/corpus");
    throw new IllegalStateException("unreachable");
  }

  private static Path require(Path dir, String source) {
    Assumptions.assumeTrue(
        Files.isDirectory(dir.resolve("truth")),
        () ->
            source
                + "="
                + dir
                + " is not a corpus folder (no truth/ inside); the corpus tests are skipped");
    return dir.toAbsolutePath().normalize();
  }
}
