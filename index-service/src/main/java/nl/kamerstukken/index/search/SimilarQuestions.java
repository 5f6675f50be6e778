package nl.kamerstukken.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.model.Json;

/**
 * "Asked before": for one Q&A, the most similar questions of other Kamerstukken put earlier.
 * Elasticsearch's {@code more_like_this} on the question's text and title (its distinctive words,
 * weighted by how rare they are in the index; the phrasing all Kamervragen share left out) over the
 * questions and titles of other Kamerstukken whose questions were submitted on or before this one's
 * (its Kamerstuk's date when that is unknown). An empty list means nothing similar was asked
 * before. Thread-safe.
 */
public final class SimilarQuestions {

  public static final int DEFAULT_SIZE = 5;

  /** The phrasing of Kamervragen and their headers, shared by questions of every subject. */
  static final List<String> BOILERPLATE =
      List.of(
          "kunt",
          "kan",
          "bent",
          "bekend",
          "deelt",
          "mening",
          "afgelopen",
          "jaren",
          "jaar",
          "waarom",
          "welke",
          "welk",
          "hoeveel",
          "wilt",
          "hebt",
          "aangeven",
          "toelichten",
          "nee",
          "gaat",
          "vindt",
          "kamer",
          "minister",
          "staatssecretaris",
          "bericht",
          "artikel",
          "vragen",
          "vraag",
          "lid",
          "leden",
          "antwoord",
          "antwoorden",
          "over",
          "gaan",
          "zien",
          "komen",
          "mogelijk",
          "andere",
          "wel",
          "worden");

  private final ElasticsearchClient client;
  private final String alias;

  public SimilarQuestions(ElasticsearchClient client, IndexNames names) {
    this.client = client;
    this.alias = names.alias(SearchIndex.QA);
  }

  /** Empty when no Q&A has that id; else the best {@code size} earlier Q&A, best first. */
  public Optional<List<SearchHit>> of(String qaId, int size) throws IOException {
    Optional<Hit<ObjectNode>> hit = QaDetails.byId(client, alias, qaId);
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    JsonNode source = hit.get().source();
    String like = source.path("questionText").asText("");
    if (like.isBlank()) {
      like = source.path("answerText").asText("");
    }
    List<SearchHit> similar =
        QaDetails.search(client, alias, body(source, like, size)).stream()
            .map(QaSearch::hit)
            .toList();
    return Optional.of(similar);
  }

  static ObjectNode body(JsonNode qa, String like, int size) {
    ObjectNode body = Json.mapper().createObjectNode().put("size", size);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ObjectNode mlt = bool.putArray("must").addObject().putObject("more_like_this");
    mlt.putArray("fields").add("questionText").add("title");
    mlt.put("like", like + " " + qa.path("title").asText(""));
    // Questions are short: a word counts once it occurs. A word no other question has cannot
    // connect two questions; the phrasing every Kamervraag shares ("Kunt u aangeven ...") says
    // nothing about the subject; and a question must share a fair part of the rest, else nothing
    // is shown rather than a question that only shares "afgelopen jaren".
    mlt.put("min_term_freq", 1).put("min_doc_freq", 2).put("max_query_terms", 25);
    mlt.put("minimum_should_match", "30%");
    ArrayNode stopWords = mlt.putArray("stop_words");
    BOILERPLATE.forEach(stopWords::add);
    bool.putArray("must_not")
        .addObject()
        .putObject("term")
        .put("documentKey", qa.path("documentKey").asText());
    String asked = firstDate(qa, "submittedDate", "date", "receivedDate");
    if (asked != null) {
      ArrayNode filter = bool.putArray("filter");
      ObjectNode earlier = filter.addObject().putObject("bool").put("minimum_should_match", 1);
      ArrayNode should = earlier.putArray("should");
      should.addObject().putObject("range").putObject("submittedDate").put("lte", asked);
      ObjectNode undated = should.addObject().putObject("bool");
      undated.putArray("must_not").addObject().putObject("exists").put("field", "submittedDate");
      undated.putArray("filter").addObject().putObject("range").putObject("date").put("lte", asked);
    }
    return body;
  }

  private static String firstDate(JsonNode qa, String... fields) {
    for (String field : fields) {
      if (qa.hasNonNull(field)) {
        return qa.get(field).asText();
      }
    }
    return null;
  }
}
