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
   * What every cluster has: standard tokenizer, lowercase, Dutch stop words; no stemming, so
   * "vraag" does not find "vragen". Used where analysis-common is missing (the integ-test
   * distribution of local-stack).
   */
  FALLBACK(
      "fallback: standard tokenizer + lowercase + _dutch_ stop words, no stemming (cluster has no 'dutch' analyzer)");

  static final String TEXT_ANALYZER = "kamerstukken_text";
  static final String EXACT_ANALYZER = "kamerstukken_exact";
  private static final String STOP_FILTER = "kamerstukken_dutch_stop";

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
    analysis
        .putObject("filter")
        .putObject(STOP_FILTER)
        .put("type", "stop")
        .put("stopwords", "_dutch_");
    ObjectNode analyzers = analysis.putObject("analyzer");
    ObjectNode text = analyzers.putObject(TEXT_ANALYZER);
    if (this == DUTCH) {
      text.put("type", "dutch");
    } else {
      text.put("type", "custom").put("tokenizer", "standard");
      text.putArray("filter").add("lowercase").add(STOP_FILTER);
    }
    ObjectNode exact =
        analyzers.putObject(EXACT_ANALYZER).put("type", "custom").put("tokenizer", "standard");
    exact.putArray("filter").add("lowercase");
    return analysis;
  }
}
