package nl.kamerstukken.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.kamerstukken.model.ReasonCode;

/** The meters of ingest, shown on {@code /metrics} with the prefix {@code kamerstukken_ingest_}. */
public final class IngestMetrics {

  private final MeterRegistry registry;
  private final Counter seen;
  private final Counter announced;
  private final Counter duplicates;
  private final Counter removed;
  private final Counter retries;
  private final Timer hashing;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.seen =
        Counter.builder("kamerstukken.ingest.files.seen")
            .description("complete new or changed files taken up")
            .register(registry);
    this.announced =
        Counter.builder("kamerstukken.ingest.files.announced")
            .description("contents announced on the received topic")
            .register(registry);
    this.duplicates =
        Counter.builder("kamerstukken.ingest.files.duplicates")
            .description("files whose content was announced before (not announced again)")
            .register(registry);
    this.removed =
        Counter.builder("kamerstukken.ingest.documents.removed")
            .description("tombstones published because content left the inbox")
            .register(registry);
    this.retries =
        Counter.builder("kamerstukken.ingest.publish.retries")
            .description("Kafka writes retried")
            .register(registry);
    this.hashing =
        Timer.builder("kamerstukken.ingest.hashing")
            .description("hashing and storing one file in the blob store")
            .register(registry);
  }

  public Counter seen() {
    return seen;
  }

  public Counter announced() {
    return announced;
  }

  public Counter duplicates() {
    return duplicates;
  }

  public Counter removed() {
    return removed;
  }

  public Counter retries() {
    return retries;
  }

  public Timer hashing() {
    return hashing;
  }

  /** Files not ingested, by reason code (FILE_TOO_LARGE, OUTSIDE_WATCHED_FOLDER, ...). */
  public Counter failed(ReasonCode reasonCode) {
    return Counter.builder("kamerstukken.ingest.files.failed")
        .tag("reason", reasonCode.name())
        .description("files dead-lettered or retried, by reason")
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }
}
