package nl.kamerstukken.index.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerstukken.model.ReasonCode;

/**
 * The index service's own counters (bulk latency and retried items are counted where bulks are
 * sent).
 */
final class IndexMetrics {

  private final MeterRegistry registry;
  private final Counter documents;
  private final Counter qa;
  private final Counter superseded;
  private final Counter tombstones;
  private final Counter deleted;

  IndexMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.documents =
        Counter.builder("kamerstukken.index.documents")
            .description("Kamerstukken indexed (document and all its Q&A written)")
            .register(registry);
    this.qa =
        Counter.builder("kamerstukken.index.qa")
            .description("Q&A search documents written")
            .register(registry);
    this.superseded =
        Counter.builder("kamerstukken.index.superseded")
            .description("events skipped because a newer version of the Kamerstuk is indexed")
            .register(registry);
    this.tombstones =
        Counter.builder("kamerstukken.index.tombstones")
            .description("tombstones applied")
            .register(registry);
    this.deleted =
        Counter.builder("kamerstukken.index.deleted")
            .description("search documents removed by tombstones")
            .register(registry);
  }

  void indexed(int qaDocuments) {
    documents.increment();
    qa.increment(qaDocuments);
  }

  void partlyIndexed(int qaDocuments) {
    qa.increment(qaDocuments);
  }

  void superseded(int count) {
    superseded.increment(count);
  }

  void deleted(int tombstoneCount, long searchDocuments) {
    tombstones.increment(tombstoneCount);
    deleted.increment(searchDocuments);
  }

  /** A Kamerstuk (or event) given up on, by dead-letter reason code. */
  void failed(ReasonCode reasonCode) {
    Counter.builder("kamerstukken.index.failures")
        .tag("reason", reasonCode.name())
        .description("search documents or events that failed, by reason")
        .register(registry)
        .increment();
  }
}
