package nl.kamerstukken.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.api.Highlighting;
import nl.kamerstukken.index.api.Reference;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.index.api.SearchResult;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.SearchIndex;

/**
 * Searches the questions and answers as a person would: words, filters, highlighted fragments, and
 * the values each filter can take. Used by the HTTP API and page of index-service and by {@code
 * ./kamerstukken search}. Thread-safe.
 */
public final class QaSearch {

  private static final String[] HIGHLIGHTED = {"questionText", "answerText", "title"};

  private final ElasticsearchClient client;
  private final String alias;
  private final Highlighting highlighting;

  public QaSearch(ElasticsearchClient client, IndexNames names, Highlighting highlighting) {
    this.client = client;
    this.alias = names.alias(SearchIndex.QA);
    this.highlighting = highlighting;
  }

  /**
   * Runs the query on the Q&A alias.
   *
   * @param analysis reported back in the result (null if unknown)
   * @throws IOException Elasticsearch unreachable
   * @throws co.elastic.clients.elasticsearch._types.ElasticsearchException Elasticsearch refused
   *     (404: the alias does not exist yet)
   */
  public SearchResult search(SearchQuery query, String analysis) throws IOException {
    String body = QaSearchRequest.body(query, highlighting).toString();
    SearchResponse<ObjectNode> response =
        client.search(
            SearchRequest.of(s -> s.index(alias).withJson(new StringReader(body))),
            ObjectNode.class);
    List<SearchHit> hits = new ArrayList<>();
    for (Hit<ObjectNode> hit : response.hits().hits()) {
      hits.add(hit(hit));
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    return new SearchResult(
        total, response.took(), analysis, hits, facets(response.aggregations()));
  }

  private static Map<String, List<SearchResult.Facet>> facets(Map<String, Aggregate> aggregations) {
    Map<String, List<SearchResult.Facet>> facets = new LinkedHashMap<>();
    for (String name : QaSearchRequest.FACET_FIELDS.keySet()) {
      Aggregate aggregate = aggregations.get(name);
      List<SearchResult.Facet> values = new ArrayList<>();
      if (aggregate != null && aggregate.isSterms()) {
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
          values.add(new SearchResult.Facet(bucket.key().stringValue(), bucket.docCount()));
        }
      }
      facets.put(name, values);
    }
    return facets;
  }

  static SearchHit hit(Hit<ObjectNode> hit) {
    JsonNode s = hit.source();
    String documentId = text(s, "documentId");
    LocalDate date = firstDate(s, "date", "receivedDate", "submittedDate");
    return new SearchHit(
        hit.id(),
        hit.score(),
        documentId,
        text(s, "identifier"),
        text(s, "documentType"),
        text(s, "parliamentaryYear"),
        date,
        text(s, "title"),
        s.path("position").asInt(),
        list(s, "questionNumbers"),
        list(s, "answerNumbers"),
        text(s, "questionText"),
        text(s, "answerText"),
        list(s, "askedBy"),
        list(s, "parties"),
        list(s, "addressedTo"),
        list(s, "answeredBy"),
        list(s, "ministry"),
        firstDate(s, "submittedDate"),
        firstDate(s, "receivedDate"),
        text(s.path("source"), "fileName"),
        text(s.path("source"), "mediaType"),
        documentId == null ? null : SearchHit.originalUrl(documentId),
        highlights(hit.highlight()),
        integers(s, "questionPages"),
        integers(s, "answerPages"),
        references(s));
  }

  private static List<Integer> integers(JsonNode node, String field) {
    List<Integer> values = new ArrayList<>();
    node.path(field).forEach(v -> values.add(v.asInt()));
    return values;
  }

  static List<Reference> references(JsonNode source) {
    List<Reference> references = new ArrayList<>();
    source
        .path("references")
        .forEach(
            r ->
                references.add(
                    new Reference(text(r, "kind"), text(r, "identifier"), text(r, "text"))));
    return references;
  }

  /**
   * Per base field the marked fragments; those of the unstemmed subfield when only it matched (a
   * phrase).
   */
  private static Map<String, List<String>> highlights(Map<String, List<String>> raw) {
    Map<String, List<String>> highlights = new LinkedHashMap<>();
    for (String field : HIGHLIGHTED) {
      List<String> fragments = raw.get(field);
      if (fragments == null || fragments.isEmpty()) {
        fragments = raw.get(field + ".exact");
      }
      if (fragments != null && !fragments.isEmpty()) {
        highlights.put(field, List.copyOf(fragments));
      }
    }
    return highlights;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static List<String> list(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    node.path(field).forEach(v -> values.add(v.asText()));
    return values;
  }

  private static LocalDate firstDate(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = text(node, field);
      if (value != null) {
        return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
      }
    }
    return null;
  }
}
