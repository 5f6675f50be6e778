package nl.kamerstukken.localstack.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Dutch Hunspell dictionary for the node's core {@code hunspell} token filter: the integ-test
 * distribution has no {@code dutch} analyzer, so Dutch stemming on the local node comes from
 * Debian's {@code hunspell-nl} ({@code /usr/share/hunspell/nl_NL.aff} and {@code .dic}, or the
 * folder {@code KAMERSTUKKEN_HUNSPELL_DIR} names), copied into the instance's {@code
 * config/hunspell/nl_NL/} before each start (Elasticsearch loads it at start). Without it the node
 * runs as before and index-service chooses its fallback analysis; a warning says how to get it.
 */
final class HunspellDictionary {

  static final String DIR_ENV = "KAMERSTUKKEN_HUNSPELL_DIR";
  static final String LOCALE = "nl_NL";
  private static final Path DEBIAN = Path.of("/usr/share/hunspell");
  private static final List<String> FILES = List.of(LOCALE + ".aff", LOCALE + ".dic");
  private static final Logger LOG = LoggerFactory.getLogger(HunspellDictionary.class);

  private HunspellDictionary() {}

  /** Where the dictionary is read from: {@code KAMERSTUKKEN_HUNSPELL_DIR}, else Debian's folder. */
  static Path source(Map<String, String> env) {
    String dir = env.get(DIR_ENV);
    return dir == null || dir.isBlank() ? DEBIAN : Path.of(dir);
  }

  /**
   * Copies {@code nl_NL.aff} and {@code nl_NL.dic} from {@code source} into {@code
   * <config>/hunspell/nl_NL/} (symbolic links followed, as Debian ships links); a copy that is
   * already there with the same size is kept.
   *
   * @return whether the node has the dictionary now
   */
  static boolean install(Path source, Path config) {
    if (!FILES.stream().allMatch(name -> Files.isReadable(source.resolve(name)))) {
      LOG.warn(
          "No Dutch Hunspell dictionary at [{}] ({}): the local Elasticsearch gets no Dutch stemming. "
              + "Install it with 'apt-get install hunspell-nl', or set {} to a folder with these files",
          source,
          FILES,
          DIR_ENV);
      return false;
    }
    Path target = config.resolve("hunspell").resolve(LOCALE);
    try {
      Files.createDirectories(target);
      for (String name : FILES) {
        Path from = source.resolve(name).toRealPath();
        Path to = target.resolve(name);
        if (!Files.exists(to) || Files.size(to) != Files.size(from)) {
          Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not copy the Dutch Hunspell dictionary from " + source + " to " + target, e);
    }
    return true;
  }
}
