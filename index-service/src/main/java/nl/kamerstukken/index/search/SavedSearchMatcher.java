package nl.kamerstukken.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.model.Json;

/**
 * Which of the given Q&A documents each saved search would list: the search's own query (words,
 * word forms, phrases, exclusions, filters; {@link QaSearchRequest}) on the same analysed fields,
 * restricted to those ids. Batched: one request tests up to {@value #SEARCHES_PER_REQUEST} saved
 * searches against up to {@value #IDS_PER_REQUEST} ids, each as a named clause, and the hits say
 * which clauses matched. (The percolator would be the other way round, but the local cluster's
 * distribution lacks it.) The caller refreshes the alias first: search sees only refreshed
 * documents.
 */
public final class SavedSearchMatcher {

  static final int SEARCHES_PER_REQUEST = 50;
  static final int IDS_PER_REQUEST = 500;

  private final ElasticsearchClient client;
  private final String alias;

  public SavedSearchMatcher(ElasticsearchClient client, IndexNames names) {
    this.client = client;
    this.alias = names.alias(SearchIndex.QA);
  }

  /**
   * Per document among {@code ids} that at least one of {@code searches} (by name) lists, the names
   * of those searches.
   *
   * @throws IOException Elasticsearch unreachable
   */
  public Map<String, List<String>> match(Map<String, SearchQuery> searches, List<String> ids)
      throws IOException {
    Map<String, List<String>> matched = new LinkedHashMap<>();
    List<Map.Entry<String, SearchQuery>> all = new ArrayList<>(searches.entrySet());
    for (int s = 0; s < all.size(); s += SEARCHES_PER_REQUEST) {
      List<Map.Entry<String, SearchQuery>> some =
          all.subList(s, Math.min(all.size(), s + SEARCHES_PER_REQUEST));
      for (int i = 0; i < ids.size(); i += IDS_PER_REQUEST) {
        List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_REQUEST));
        for (Hit<ObjectNode> hit : search(body(some, idsQuery(chunk), chunk.size(), false))) {
          matched
              .computeIfAbsent(hit.id(), id -> new ArrayList<>())
              .addAll(hit.matchedQueries().keySet());
        }
      }
    }
    return matched;
  }

  /**
   * One matched Q&A document of {@link #matchInKamerstukken}.
   *
   * @param source its identifier, title, questionNumbers, questionText, answerText, documentId
   * @param searches the names of the saved searches that list it
   */
  public record Matched(ObjectNode source, List<String> searches) {}

  /**
   * Per Q&A document of the Kamerstukken {@code identifiers} (at most {@value #IDS_PER_REQUEST})
   * that at least one of {@code searches} lists: its stored fields and those searches.
   *
   * @throws IOException Elasticsearch unreachable
   */
  public Map<String, Matched> matchInKamerstukken(
      Map<String, SearchQuery> searches, List<String> identifiers) throws IOException {
    Map<String, Matched> matched = new LinkedHashMap<>();
    List<Map.Entry<String, SearchQuery>> all = new ArrayList<>(searches.entrySet());
    ObjectNode restriction = Json.mapper().createObjectNode();
    ArrayNode values = restriction.putObject("terms").putArray("identifier");
    identifiers.forEach(values::add);
    for (int s = 0; s < all.size(); s += SEARCHES_PER_REQUEST) {
      List<Map.Entry<String, SearchQuery>> some =
          all.subList(s, Math.min(all.size(), s + SEARCHES_PER_REQUEST));
      for (Hit<ObjectNode> hit : search(body(some, restriction, IDS_PER_REQUEST, true))) {
        matched
            .computeIfAbsent(hit.id(), id -> new Matched(hit.source(), new ArrayList<>()))
            .searches()
            .addAll(hit.matchedQueries().keySet());
      }
    }
    return matched;
  }

  private static ObjectNode idsQuery(List<String> ids) {
    ObjectNode query = Json.mapper().createObjectNode();
    ArrayNode values = query.putObject("ids").putArray("values");
    ids.forEach(values::add);
    return query;
  }

  static ObjectNode body(
      List<Map.Entry<String, SearchQuery>> searches,
      ObjectNode restriction,
      int size,
      boolean withSource) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("size", size);
    if (withSource) {
      // The object form: the client reads a bare array of fields as neither union member.
      ArrayNode source = body.putObject("_source").putArray("includes");
      for (String field :
          new String[] {
            "identifier", "title", "questionNumbers", "questionText", "answerText", "documentId"
          }) {
        source.add(field);
      }
    } else {
      body.put("_source", false);
    }
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("filter").add(restriction);
    ArrayNode should = bool.putArray("should");
    searches.forEach(entry -> should.add(QaSearchRequest.named(entry.getValue(), entry.getKey())));
    bool.put("minimum_should_match", 1);
    return body;
  }

  /** Named-query scores asked for, so the client reads {@code matched_queries} as a map. */
  private List<Hit<ObjectNode>> search(ObjectNode body) throws IOException {
    String json = body.toString();
    SearchResponse<ObjectNode> response =
        client.search(
            SearchRequest.of(
                r ->
                    r.withJson(new StringReader(json)).index(alias).includeNamedQueriesScore(true)),
            ObjectNode.class);
    return response.hits().hits();
  }
}
