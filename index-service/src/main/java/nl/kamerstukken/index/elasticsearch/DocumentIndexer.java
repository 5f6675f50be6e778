package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kamerstukken.index.config.BulkLimits;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.Json;

/**
 * Stores Kamerstukken in the search indices, idempotently: the same batch written twice leaves the
 * same state, so the worker may redeliver after any failure. Returns normally only once
 * Elasticsearch has acknowledged every write (or refused it for good, reported per Kamerstuk).
 */
public final class DocumentIndexer {

  private static final int MAX_DELETE_ROUNDS = 100;

  private final DocumentStore store;
  private final BulkWriter writer;

  DocumentIndexer(DocumentStore store, BulkWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  /** An indexer that reads and writes through the aliases, as the service does. */
  public static DocumentIndexer create(
      ElasticsearchClient client, IndexNames names, BulkLimits limits, MeterRegistry registry) {
    return create(client, IndexTargets.aliases(names), limits, registry);
  }

  /**
   * An indexer for the given targets, e.g. the concrete indices of a version a reindex is building.
   */
  public static DocumentIndexer create(
      ElasticsearchClient client, IndexTargets targets, BulkLimits limits, MeterRegistry registry) {
    BulkWriter writer =
        new BulkWriter(
            client,
            targets,
            limits,
            Backoff.standard(),
            delay -> Thread.sleep(delay.toMillis()),
            registry);
    return new DocumentIndexer(new DocumentStore(client, targets), writer);
  }

  /**
   * Indexes the documents; at most one per document id (the caller keeps the latest event per key).
   */
  public List<DocumentOutcome> index(List<IndexedDocument> documents) throws RetryableException {
    if (documents.isEmpty()) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (IndexedDocument doc : documents) {
      ids.add(doc.key());
      ids.add(doc.documentId());
    }
    if (documents.stream().map(IndexedDocument::documentId).distinct().count()
        != documents.size()) {
      throw new IllegalArgumentException("more than one document per document id in one batch");
    }
    WritePlan plan = WritePlan.of(documents, store.stored(ids), DocumentIndexer::json);
    List<ItemResult> qaResults = writer.write(plan.qaPhase());
    List<ItemResult> documentResults = writer.write(plan.documentPhase());
    Map<String, Tally> tallies = new HashMap<>();
    tally(plan.qaPhase(), qaResults, tallies);
    tally(plan.documentPhase(), documentResults, tallies);
    List<DocumentOutcome> outcomes = new ArrayList<>();
    for (IndexedDocument doc : documents) {
      // A superseded Kamerstuk has no operations, so no tally.
      Tally tally = tallies.get(doc.documentId());
      outcomes.add(
          tally == null
              ? new DocumentOutcome(
                  doc.documentId(),
                  doc.key(),
                  DocumentOutcome.Status.SUPERSEDED,
                  0,
                  List.of(),
                  null)
              : tally.outcome(doc, plan.replacing().get(doc.documentId())));
    }
    return outcomes;
  }

  /**
   * Removes every search document of these Kamerstukken (tombstones, Kamerstuk key to the
   * tombstone's version); returns how many were removed.
   */
  public long delete(Map<String, Long> keys) throws RetryableException {
    long removed = 0;
    for (int round = 0; round < MAX_DELETE_ROUNDS; round++) {
      List<BulkOp> deletes = store.findByKeys(keys);
      List<ItemResult> results = writer.write(deletes);
      for (ItemResult result : results) {
        if (result.outcome() == ItemOutcome.REJECTED) {
          throw new IllegalStateException(
              "Elasticsearch refused a delete: " + result.errorType() + ": " + result.reason());
        }
        removed += result.outcome() == ItemOutcome.DONE ? 1 : 0;
      }
      if (deletes.size() < DocumentStore.MAX_HITS) {
        return removed;
      }
    }
    throw new RetryableException(
        "Kamerstukken "
            + keys.keySet()
            + " still have search documents after "
            + MAX_DELETE_ROUNDS
            + " rounds of deletes");
  }

  private static void tally(
      List<BulkOp> ops, List<ItemResult> results, Map<String, Tally> tallies) {
    for (int i = 0; i < ops.size(); i++) {
      tallies
          .computeIfAbsent(ops.get(i).documentId(), id -> new Tally())
          .add(ops.get(i), results.get(i));
    }
  }

  private static byte[] json(Object document) {
    try {
      return Json.mapper().writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write search document as JSON: " + e.getMessage(), e);
    }
  }

  /** Counts the results of one Kamerstuk's operations. */
  private static final class Tally {
    private int qaIndexed;
    private boolean documentSuperseded;
    private final List<String> problems = new ArrayList<>();

    void add(BulkOp op, ItemResult result) {
      switch (result.outcome()) {
        case DONE ->
            qaIndexed +=
                op.target() == SearchIndex.QA && op.action() == BulkOp.Action.INDEX ? 1 : 0;
        case SUPERSEDED ->
            documentSuperseded |=
                op.target() == SearchIndex.DOCUMENTS && op.action() == BulkOp.Action.INDEX;
        default ->
            problems.add(
                op.target().baseName()
                    + "/"
                    + op.id()
                    + ": "
                    + result.errorType()
                    + ": "
                    + result.reason());
      }
    }

    DocumentOutcome outcome(IndexedDocument doc, String replaced) {
      DocumentOutcome.Status status =
          !problems.isEmpty()
              ? DocumentOutcome.Status.REJECTED
              : documentSuperseded
                  ? DocumentOutcome.Status.SUPERSEDED
                  : DocumentOutcome.Status.INDEXED;
      return new DocumentOutcome(
          doc.documentId(),
          doc.key(),
          status,
          qaIndexed,
          problems,
          status == DocumentOutcome.Status.SUPERSEDED ? null : replaced);
    }
  }
}
