package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.kit.kafka.RetryableException;

/** Reads what is stored before writing, and removes Kamerstukken by document id. */
final class DocumentStore {

  /**
   * Most search documents found for deletion in one round (Elasticsearch's default result window).
   */
  static final int MAX_HITS = 10_000;

  private final ElasticsearchClient client;
  private final IndexTargets targets;

  DocumentStore(ElasticsearchClient client, IndexTargets targets) {
    this.client = client;
    this.targets = targets;
  }

  /**
   * The documents stored under {@code ids}, read with a real-time multi-get: it sees writes of a
   * moment ago that search does not see yet, which is what makes replacing a version exact without
   * forcing a refresh.
   */
  Map<String, StoredDocument> stored(Collection<String> ids) throws RetryableException {
    if (ids.isEmpty()) {
      return Map.of();
    }
    MgetResponse<StoredDocument.Source> response =
        Failures.call(
            "read stored documents",
            () ->
                client.mget(
                    m ->
                        m.index(targets.name(SearchIndex.DOCUMENTS))
                            .ids(List.copyOf(ids))
                            .sourceIncludes("documentId", "qaCount"),
                    StoredDocument.Source.class));
    Map<String, StoredDocument> stored = new HashMap<>();
    for (MultiGetResponseItem<StoredDocument.Source> item : response.docs()) {
      if (item.isFailure()) {
        throw new RetryableException(
            "cannot read stored document "
                + item.failure().id()
                + ": "
                + item.failure().error().reason());
      }
      var found = item.result();
      if (found.found() && found.source() != null) {
        stored.put(
            found.id(),
            new StoredDocument(
                found.id(),
                found.source().documentId(),
                found.source().qaCount(),
                found.version() == null ? 0 : found.version()));
      }
    }
    return stored;
  }

  /**
   * Every search document (the document and its Q&A) of the given Kamerstukken, as deletes with the
   * tombstone's version (a newer version stored meanwhile stays). Search sees only refreshed
   * documents, so both aliases are refreshed first: a tombstone may follow its Kamerstuk closely.
   * (Delete-by-query would be shorter, but it lives in the reindex module, which not every
   * distribution has.)
   */
  List<BulkOp> findByKeys(Map<String, Long> keys) throws RetryableException {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<String> all = List.of(targets.name(SearchIndex.DOCUMENTS), targets.name(SearchIndex.QA));
    Failures.call("refresh before delete", () -> client.indices().refresh(r -> r.index(all)));
    List<BulkOp> deletes = new ArrayList<>();
    for (SearchIndex index : List.of(SearchIndex.DOCUMENTS, SearchIndex.QA)) {
      deletes.addAll(find(index, keys));
    }
    return deletes;
  }

  private List<BulkOp> find(SearchIndex index, Map<String, Long> keys) throws RetryableException {
    List<FieldValue> values = keys.keySet().stream().map(FieldValue::of).toList();
    SearchResponse<StoredDocument.KeyOnly> response =
        Failures.call(
            "find documents to delete",
            () ->
                client.search(
                    s ->
                        s.index(targets.name(index))
                            .size(MAX_HITS)
                            .version(true)
                            .source(src -> src.filter(f -> f.includes("documentKey")))
                            .query(
                                q ->
                                    q.terms(
                                        t -> t.field("documentKey").terms(v -> v.value(values)))),
                    StoredDocument.KeyOnly.class));
    List<BulkOp> deletes = new ArrayList<>();
    for (Hit<StoredDocument.KeyOnly> hit : response.hits().hits()) {
      long stored = hit.version() == null ? 0 : hit.version();
      Long tombstone = hit.source() == null ? null : keys.get(hit.source().documentKey());
      deletes.add(BulkOp.delete(index, hit.id(), tombstone == null ? stored : tombstone, null));
    }
    return deletes;
  }
}
