package nl.kamerstukken.index.elasticsearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.kamerstukken.model.Json;

/**
 * How text fields are analysed. Every index defines the analyzer {@code kamerstukken_text}
 * (full-text fields) and {@code kamerstukken_exact} (standard tokenizer + lowercase, for the {@code
 * .exact} subfields used for exact phrases); only the definition of {@code kamerstukken_text}
 * depends on the cluster, so the mappings are the same everywhere.
 */
public enum Analysis {
  /**
   * Elasticsearch's {@code dutch} analyzer (stemming, Dutch stop words), from the analysis-common
   * module.
   */
  DUTCH("dutch analyzer (Dutch stemming and stop words)"),
  /**
   * Elasticsearch's core {@code hunspell} token filter with the Dutch dictionary {@code nl_NL}
   * (Debian's hunspell-nl, which local-stack copies into the node's {@code config/hunspell/}):
   * standard tokenizer, lowercase, Dutch stop words, dictionary stems ("sancties" and "sanctie",
   * "vragen" and "vraag" meet). Compounds the dictionary does not list keep their form; the query's
   * word forms (see {@code nl.kamerstukken.index.search.WordForms}) cover their plurals. Used where
   * {@code dutch} is missing and the dictionary is installed (the local node).
   */
  HUNSPELL(
      "hunspell: Dutch dictionary stems (nl_NL), standard tokenizer, lowercase, _dutch_ stop words"),
  /**
   * What every cluster has: standard tokenizer, lowercase, Dutch stop words; no stemming (only the
   * query's singular and plural word forms). Used where neither {@code dutch} nor the Dutch
   * Hunspell dictionary is there.
   */
  FALLBACK(
      "fallback: standard tokenizer + lowercase + _dutch_ stop words, no stemming (cluster has neither "
          + "the 'dutch' analyzer nor the nl_NL hunspell dictionary)");

  static final String TEXT_ANALYZER = "kamerstukken_text";
  static final String EXACT_ANALYZER = "kamerstukken_exact";
  private static final String STOP_FILTER = "kamerstukken_dutch_stop";
  static final String HUNSPELL_FILTER = "kamerstukken_dutch_hunspell";
  static final String HUNSPELL_LOCALE = "nl_NL";

  private final String description;

  Analysis(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The {@code index.analysis} settings for this choice. */
  ObjectNode settings() {
    ObjectNode analysis = Json.mapper().createObjectNode();
    ObjectNode filters = analysis.putObject("filter");
    filters.putObject(STOP_FILTER).put("type", "stop").put("stopwords", "_dutch_");
    ObjectNode analyzers = analysis.putObject("analyzer");
    ObjectNode text = analyzers.putObject(TEXT_ANALYZER);
    if (this == DUTCH) {
      text.put("type", "dutch");
    } else {
      text.put("type", "custom").put("tokenizer", "standard");
      var chain = text.putArray("filter").add("lowercase").add(STOP_FILTER);
      if (this == HUNSPELL) {
        // dedup: a word with several stems in the dictionary gives each stem once.
        filters
            .putObject(HUNSPELL_FILTER)
            .put("type", "hunspell")
            .put("locale", HUNSPELL_LOCALE)
            .put("dedup", true);
        chain.add(HUNSPELL_FILTER);
      }
    }
    ObjectNode exact =
        analyzers.putObject(EXACT_ANALYZER).put("type", "custom").put("tokenizer", "standard");
    exact.putArray("filter").add("lowercase");
    return analysis;
  }
}
