package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import nl.kamerstukken.index.config.BulkLimits;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends operations as bounded bulk requests and sorts every item's answer. Items that failed for a
 * reason that passes (429, 5xx, rejected execution) are sent again, alone, after an exponential
 * backoff with jitter; when they still fail after {@link BulkLimits#maxItemAttempts()} sends, the
 * whole batch is handed back to the worker as a {@link RetryableException} (everything is
 * idempotent, so redoing it is harmless). No refresh is forced here ({@link SmallBatchRefresh} does
 * that for small batches): the indices' refresh interval makes writes searchable within a second.
 */
final class BulkWriter {

  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);

  /** Waits between attempts; a test passes one that does not wait. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration delay) throws InterruptedException;
  }

  private final ElasticsearchClient client;
  private final IndexTargets targets;
  private final BulkLimits limits;
  private final Backoff backoff;
  private final Pause pause;
  private final Timer latency;
  private final Counter retriedItems;

  BulkWriter(
      ElasticsearchClient client,
      IndexTargets targets,
      BulkLimits limits,
      Backoff backoff,
      Pause pause,
      MeterRegistry registry) {
    this.client = client;
    this.targets = targets;
    this.limits = limits;
    this.backoff = backoff;
    this.pause = pause;
    this.latency =
        Timer.builder("kamerstukken.index.bulk")
            .description("latency of one bulk request")
            .publishPercentileHistogram()
            .register(registry);
    this.retriedItems =
        Counter.builder("kamerstukken.index.failures")
            .tag("reason", "RETRYABLE_ITEM")
            .description("search documents that failed and were sent again")
            .register(registry);
  }

  /**
   * Writes {@code ops}; returns their results in the same order (never {@link ItemOutcome#RETRY}).
   */
  List<ItemResult> write(List<BulkOp> ops) throws RetryableException {
    ItemResult[] results = new ItemResult[ops.size()];
    List<Integer> pending = IntStream.range(0, ops.size()).boxed().toList();
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      List<Integer> retry = sendAll(ops, pending, results);
      if (!retry.isEmpty()) {
        ItemResult last = results[retry.get(retry.size() - 1)];
        if (attempt >= limits.maxItemAttempts()) {
          throw new RetryableException(
              retry.size()
                  + " bulk item(s) still failing after "
                  + attempt
                  + " attempts, last: "
                  + last.errorType()
                  + ": "
                  + last.reason());
        }
        Duration delay = backoff.delay(attempt);
        LOG.warn(
            "[{}] bulk item(s) failed with a retryable error ([{}]), sending them again in [{}] ms",
            retry.size(),
            last.errorType(),
            delay.toMillis());
        waitFor(delay);
      }
      pending = retry;
    }
    return Arrays.asList(results);
  }

  /**
   * Sends the pending operations in bounded chunks; returns those to retry (their result holds the
   * error).
   */
  private List<Integer> sendAll(List<BulkOp> ops, List<Integer> pending, ItemResult[] results)
      throws RetryableException {
    List<Integer> retry = new ArrayList<>();
    for (List<Integer> chunk :
        BulkChunker.split(
            pending, i -> ops.get(i).bytes(), limits.maxActions(), limits.maxBytes())) {
      List<BulkResponseItem> items = send(chunk.stream().map(ops::get).toList());
      for (int k = 0; k < chunk.size(); k++) {
        ItemResult result = result(items.get(k));
        results[chunk.get(k)] = result;
        if (result.outcome() == ItemOutcome.RETRY) {
          retry.add(chunk.get(k));
          retriedItems.increment();
        }
      }
    }
    return retry;
  }

  private List<BulkResponseItem> send(List<BulkOp> chunk) throws RetryableException {
    List<BulkOperation> operations = chunk.stream().map(this::operation).toList();
    Timer.Sample sample = Timer.start();
    BulkResponse response =
        Failures.call(
            "bulk of " + chunk.size() + " operations",
            () -> client.bulk(b -> b.operations(operations)));
    sample.stop(latency);
    if (response.items().size() != chunk.size()) {
      throw new IllegalStateException(
          "bulk answered " + response.items().size() + " items for " + chunk.size());
    }
    return response.items();
  }

  private BulkOperation operation(BulkOp op) {
    String target = targets.name(op.target());
    if (op.action() == BulkOp.Action.DELETE) {
      return BulkOperation.of(
          b ->
              b.delete(
                  d ->
                      d.index(target)
                          .id(op.id())
                          .version(op.version())
                          .versionType(VersionType.ExternalGte)));
    }
    BinaryData source = BinaryData.of(op.source(), "application/json");
    // require_alias: if the alias vanished, fail instead of auto-creating an index with guessed
    // mappings.
    return BulkOperation.of(
        b ->
            b.index(
                i ->
                    i.index(target)
                        .id(op.id())
                        .version(op.version())
                        .versionType(VersionType.ExternalGte)
                        .requireAlias(targets.aliases())
                        .document(source)));
  }

  private static ItemResult result(BulkResponseItem item) {
    String type = item.error() == null ? null : item.error().type();
    String reason = item.error() == null ? null : item.error().reason();
    ItemOutcome outcome = Failures.classify(item.operationType(), item.status(), type);
    if (outcome == ItemOutcome.FATAL) {
      throw new IllegalStateException(
          "Elasticsearch: "
              + item.index()
              + " is gone ("
              + reason
              + "); restart the service to re-create the aliases");
    }
    return outcome == ItemOutcome.DONE ? ItemResult.DONE : new ItemResult(outcome, type, reason);
  }

  private void waitFor(Duration delay) throws RetryableException {
    try {
      pause.pause(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableException("interrupted while waiting to retry bulk items", e);
    }
  }
}
