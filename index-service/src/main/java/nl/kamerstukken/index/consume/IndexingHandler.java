package nl.kamerstukken.index.consume;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.index.elasticsearch.DocumentIndexer;
import nl.kamerstukken.index.elasticsearch.DocumentOutcome;
import nl.kamerstukken.index.elasticsearch.SmallBatchRefresh;
import nl.kamerstukken.kit.kafka.BatchHandler;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns a batch of Kamerstuk events into search documents. Returns only when every effect is
 * durable: written and acknowledged by Elasticsearch, or dead-lettered; so the worker commits the
 * offsets only then. Elasticsearch being unreachable or overloaded surfaces as {@link
 * RetryableException}: the worker pauses and offers the same batch again, which is harmless because
 * every write is idempotent.
 */
public final class IndexingHandler implements BatchHandler<Kamerstuk> {

  private static final Logger LOG = LoggerFactory.getLogger(IndexingHandler.class);
  private static final int MAX_PROBLEMS_SHOWN = 5;

  private final DocumentIndexer indexer;
  private final DeadLetters deadLetters;
  private final IndexMetrics metrics;
  private final NewQa newQa;
  private final SmallBatchRefresh refresh;

  public IndexingHandler(DocumentIndexer indexer, DeadLetters deadLetters, MeterRegistry registry) {
    this(indexer, deadLetters, registry, NewQa.NONE, SmallBatchRefresh.NEVER);
  }

  /**
   * @param newQa told what each batch wrote, before the batch counts as done (saved searches)
   * @param refresh makes a small batch searchable at once, after it is written
   */
  public IndexingHandler(
      DocumentIndexer indexer,
      DeadLetters deadLetters,
      MeterRegistry registry,
      NewQa newQa,
      SmallBatchRefresh refresh) {
    this.indexer = indexer;
    this.deadLetters = deadLetters;
    this.metrics = new IndexMetrics(registry);
    this.newQa = newQa;
    this.refresh = refresh;
  }

  @Override
  public void handle(List<Incoming<Kamerstuk>> batch) throws RetryableException {
    refresh.starting();
    BatchPlan plan = BatchPlan.of(batch);
    for (BatchPlan.Unusable unusable : plan.unusable()) {
      Incoming<Kamerstuk> event = unusable.event();
      deadLetters.publish(
          event.key(),
          unusable.reasonCode(),
          unusable.message(),
          1,
          event.topic(),
          event.key(),
          event.value());
      metrics.failed(unusable.reasonCode());
    }
    if (!plan.tombstones().isEmpty()) {
      long removed = indexer.delete(plan.tombstones());
      metrics.deleted(plan.tombstones().size(), removed);
      LOG.info(
          "tombstones for {} removed [{}] search document(s)", plan.tombstones().keySet(), removed);
    }
    metrics.superseded(plan.supersededInBatch());
    List<DocumentOutcome> outcomes =
        indexer.index(plan.documents().stream().map(BatchPlan.Work::indexed).toList());
    List<IndexedDocument> written = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i).status() == DocumentOutcome.Status.INDEXED) {
        written.add(plan.documents().get(i).indexed());
      }
    }
    refresh.written(written.size());
    for (int i = 0; i < outcomes.size(); i++) {
      Incoming<Kamerstuk> event = plan.documents().get(i).event();
      MDC.put("documentId", outcomes.get(i).documentId());
      try {
        report(outcomes.get(i), event);
      } finally {
        MDC.remove("documentId");
      }
    }
    if (!written.isEmpty()) {
      newQa.indexed(written);
    }
  }

  private void report(DocumentOutcome outcome, Incoming<Kamerstuk> event)
      throws RetryableException {
    switch (outcome.status()) {
      case INDEXED -> {
        metrics.indexed(outcome.qaIndexed());
        if (outcome.replacedDocumentId() != null) {
          LOG.info(
              "document [{}] replaced [{}] as the version of [{}]",
              outcome.documentId(),
              outcome.replacedDocumentId(),
              outcome.key());
        }
        LOG.debug("indexed [{}] with [{}] Q&A document(s)", outcome.key(), outcome.qaIndexed());
      }
      case SUPERSEDED -> {
        metrics.superseded(1);
        LOG.info(
            "skipped document [{}]: a newer version of [{}] is indexed",
            outcome.documentId(),
            outcome.key());
      }
      case REJECTED -> {
        metrics.partlyIndexed(outcome.qaIndexed());
        metrics.failed(ReasonCode.INDEX_REJECTED);
        deadLetters.publish(
            outcome.documentId(),
            ReasonCode.INDEX_REJECTED,
            rejection(outcome),
            1,
            event.topic(),
            event.key(),
            event.value());
      }
    }
  }

  private static String rejection(DocumentOutcome outcome) {
    List<String> problems = outcome.problems();
    String shown =
        String.join("; ", problems.subList(0, Math.min(MAX_PROBLEMS_SHOWN, problems.size())));
    return "Elasticsearch refused "
        + problems.size()
        + " search document(s) of ["
        + outcome.key()
        + "]"
        + " (the others are indexed): "
        + shown
        + (problems.size() > MAX_PROBLEMS_SHOWN ? "; ..." : "");
  }
}
