package nl.kamerstukken.index.elasticsearch;

/**
 * Names of aliases, indices and templates under one prefix. Everything reads and writes through the
 * aliases ({@code <prefix>kamerstukken-documents}, {@code <prefix>kamerstukken-qa}); the concrete
 * indices behind them are {@code <alias>-v<mapping version>}, so a new mapping can be built beside
 * the old one and the alias switched.
 *
 * @param prefix put before every name: empty in production, unique per test run
 */
public record IndexNames(String prefix) {

  /** Version of the mappings in this code; a change that existing indices cannot take bumps it. */
  public static final int MAPPING_VERSION = 1;

  public IndexNames {
    prefix = prefix == null ? "" : prefix;
  }

  public String alias(SearchIndex index) {
    return prefix + index.baseName();
  }

  public String concreteIndex(SearchIndex index, int version) {
    return alias(index) + "-v" + version;
  }

  String template(SearchIndex index) {
    return alias(index) + "-template";
  }

  String pattern(SearchIndex index) {
    return alias(index) + "-v*";
  }
}
