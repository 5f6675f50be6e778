package nl.kamerstukken.index.elasticsearch;

import static nl.kamerstukken.index.document.Fixtures.RECEIVED;
import static nl.kamerstukken.index.document.Fixtures.parsed;
import static nl.kamerstukken.index.document.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import nl.kamerstukken.index.api.Highlighting;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.index.config.BulkLimits;
import nl.kamerstukken.index.document.Fixtures;
import nl.kamerstukken.index.search.QaSearch;

/**
 * What a person notices of the text analysis, through the real search path: sets up the indices on
 * a cluster (the analysis is probed), indexes a singular and a plural, and searches. Shared by the
 * IT on the local distribution (no {@code dutch}) and the one on the official image (with it).
 */
final class AnalysisCheck {

  private final ElasticsearchClient client;
  private final IndexNames names =
      new IndexNames("an-" + UUID.randomUUID().toString().substring(0, 8) + "-");
  private final Analysis pinned;
  private QaSearch search;

  /** The analysis the cluster offers. */
  AnalysisCheck(ElasticsearchClient client) {
    this(client, null);
  }

  /** {@code pinned}: this analysis whatever the cluster offers (null = what it offers). */
  AnalysisCheck(ElasticsearchClient client, Analysis pinned) {
    this.client = client;
    this.pinned = pinned;
  }

  /**
   * Sets up the indices and indexes one question with "wachtlijst", one with "wachtlijsten", and
   * one Kamerstuk ({@code kst-1-3}) that has only plural forms of words stemmers leave apart.
   */
  Analysis indexSingularAndPlural() throws Exception {
    Analysis analysis = new IndexSetup(client, names, pinned).ensure().analysis();
    DocumentIndexer indexer =
        DocumentIndexer.create(
            client, names, new BulkLimits(100, 1 << 20, 3), new SimpleMeterRegistry());
    indexer.index(
        List.of(
            Fixtures.indexed(
                parsed(
                    id(),
                    "kst-1-1",
                    List.of(segment("Hoe lang is de wachtlijst voor jeugdzorg?", "1")),
                    List.of(segment("Twaalf weken.", "1")),
                    RECEIVED)),
            Fixtures.indexed(
                parsed(
                    id(),
                    "kst-1-2",
                    List.of(segment("Waarom zijn de wachtlijsten zo lang?", "1")),
                    List.of(segment("Door tekorten.", "1")),
                    RECEIVED)),
            Fixtures.indexed(
                parsed(
                    id(),
                    "kst-1-3",
                    List.of(
                        segment(
                            "Welke sancties treffen verzekeringsartsen die de winstmarges van "
                                + "zorgverzekeraars bekostigen?",
                            "1")),
                    List.of(segment("De klachten en achterstanden nemen af.", "1")),
                    RECEIVED))));
    client.indices().refresh(r -> r.index(names.alias(SearchIndex.QA)));
    search = new QaSearch(client, names, Highlighting.HTML);
    return analysis;
  }

  long total(String words) throws Exception {
    return search.search(SearchQuery.of(words), null).total();
  }

  /** The identifier of the best hit for the words, null when nothing is found. */
  String best(String words) throws Exception {
    var hits = search.search(SearchQuery.of(words), null).hits();
    return hits.isEmpty() ? null : hits.get(0).identifier();
  }

  /**
   * A singular finds the Kamerstuk that has only the plural, with any analysis: the pairs the issue
   * names and the example a new user met ("klacht achterstand").
   */
  void assertSingularsFindPlurals() throws Exception {
    for (String singular :
        new String[] {
          "sanctie",
          "winstmarge",
          "verzekeringsarts",
          "zorgverzekeraar",
          "klacht achterstand",
          "bekostiging"
        }) {
      assertThat(best(singular)).as("best hit for '%s'", singular).isEqualTo("kst-1-3");
    }
    assertThat(total("wachtlijst")).as("wachtlijst finds wachtlijsten").isEqualTo(2);
    assertThat(total("wachtlijsten")).as("wachtlijsten finds wachtlijst").isEqualTo(2);
  }

  /**
   * Stop words are dropped, quoted phrases match the unstemmed text: the same with either analysis.
   */
  void assertStopWordsAndPhrases() throws Exception {
    assertThat(total("de wachtlijst"))
        .as("a stop word does not have to match")
        .isEqualTo(total("wachtlijst"));
    assertThat(total("\"zijn de wachtlijsten\""))
        .as("a phrase with a stop word, on the exact subfield")
        .isEqualTo(1);
    assertThat(total("\"de wachtlijsten voor\"")).isZero();
    assertThat(total("\"zijn de wachtlijst\""))
        .as("a phrase matches exactly, not stemmed")
        .isZero();
    assertThat(total("\"welke sancties\"")).isEqualTo(1);
    assertThat(total("\"welke sanctie\"")).isZero();
  }

  void cleanUp() throws Exception {
    new IndexVersions(client, names).deleteBelow(Integer.MAX_VALUE);
    for (SearchIndex index : SearchIndex.values()) {
      client.indices().deleteIndexTemplate(d -> d.name(names.template(index)));
    }
  }

  private static String id() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }
}
