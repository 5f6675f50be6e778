package nl.kamerstukken.index.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Kamervraag;

/**
 * The Kamervraag cases for people and tools: filtered lists ({@code GET /api/kamervragen}, {@code
 * ./kamerstukken kamervragen}), the cases of some Kamerstukken (for search hits), and statistics
 * per ministry ({@code ./kamerstukken stats}). "Overdue" is judged as of today by the injected
 * clock. Thread-safe.
 */
public final class KamervraagSearch {

  /** Most cases read for statistics (Elasticsearch's default result window). */
  static final int MAX_CASES = 10_000;

  private final ElasticsearchClient client;
  private final String alias;
  private final Clock clock;

  public KamervraagSearch(ElasticsearchClient client, IndexNames names, Clock clock) {
    this.client = client;
    this.alias = names.alias(SearchIndex.KAMERVRAGEN);
    this.clock = clock;
  }

  /**
   * One page of cases, newest submitted first, each with {@code overdue} judged as of today.
   *
   * @throws co.elastic.clients.elasticsearch._types.ElasticsearchException 404 when nothing is
   *     indexed yet
   */
  public KamervraagPage search(KamervraagQuery query) throws IOException {
    LocalDate today = LocalDate.now(clock);
    String body = KamervraagRequest.body(query, today).toString();
    SearchResponse<ObjectNode> response =
        client.search(
            SearchRequest.of(s -> s.index(alias).withJson(new StringReader(body))),
            ObjectNode.class);
    List<Kamervraag> cases = new ArrayList<>();
    for (Hit<ObjectNode> hit : response.hits().hits()) {
      cases.add(judged(hit.source(), today));
    }
    long total = response.hits().total() == null ? cases.size() : response.hits().total().value();
    return new KamervraagPage(total, today, cases);
  }

  /** The cases that list any of these Kamerstuk keys among their documents, by Kamerstuk key. */
  public Map<String, Kamervraag> casesOf(Collection<String> kamerstukKeys) throws IOException {
    Map<String, Kamervraag> byKey = new LinkedHashMap<>();
    if (kamerstukKeys.isEmpty()) {
      return byKey;
    }
    LocalDate today = LocalDate.now(clock);
    List<FieldValue> values = kamerstukKeys.stream().map(FieldValue::of).toList();
    SearchResponse<ObjectNode> response =
        client.search(
            s ->
                s.index(alias)
                    .size(Math.min(MAX_CASES, kamerstukKeys.size() * 2))
                    .query(
                        q ->
                            q.terms(
                                t -> t.field("documents.identifier").terms(v -> v.value(values)))),
            ObjectNode.class);
    for (Hit<ObjectNode> hit : response.hits().hits()) {
      Kamervraag kamervraag = judged(hit.source(), today);
      for (Kamervraag.CaseDocument document : kamervraag.documents()) {
        if (kamerstukKeys.contains(document.identifier())) {
          byKey.put(document.identifier(), kamervraag);
        }
      }
    }
    return byKey;
  }

  /** Per ministry: cases, median days to answer, share answered in time, overdue today. */
  public KamervraagStats stats() throws IOException {
    KamervraagPage all = search(new KamervraagQuery(null, false, null, null, 1000, 0));
    List<Kamervraag> cases = new ArrayList<>(all.cases());
    for (int offset = 1000; offset < Math.min(all.total(), MAX_CASES); offset += 1000) {
      int size = (int) Math.min(1000, MAX_CASES - offset);
      cases.addAll(search(new KamervraagQuery(null, false, null, null, size, offset)).cases());
    }
    return KamervraagStats.of(cases, all.today(), all.total() > MAX_CASES);
  }

  /** The stored case with {@code overdue} judged as of {@code today}. */
  static Kamervraag judged(ObjectNode source, LocalDate today) {
    Kamervraag stored = Json.mapper().convertValue(source, Kamervraag.class);
    return new Kamervraag(
        stored.caseKey(),
        stored.zaakNumbers(),
        stored.askedBy(),
        stored.parties(),
        stored.addressedTo(),
        stored.ministry(),
        stored.title(),
        stored.parliamentaryYear(),
        stored.submittedDate(),
        stored.dueDate(),
        stored.postponements(),
        stored.answeredDate(),
        stored.answeredBy(),
        stored.daysToAnswer(),
        stored.status(),
        stored.postponedInTime(),
        stored.overdueOn(today),
        today,
        stored.documents(),
        stored.questions());
  }
}
