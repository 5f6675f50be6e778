package nl.kamerstukken.ingest.source;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Where ingest finds its work: the inbox folder, the inbox bucket, a publication feed. One {@code
 * IngestLoop} drives every source: it asks for the {@link #next} batch, ingests each complete item,
 * dead-letters each refusal, and releases each gone path, in that order.
 *
 * <p>Contract: a source remembers nothing a restart needs; what was ingested is in the ledger
 * ({@link KnownFiles}), and a source compares what it finds with it, so a restart neither announces
 * again nor misses what changed while ingest was down. Not thread-safe: one loop calls it; only
 * {@link #wake} and {@link #close} may come from another thread.
 */
public interface Source extends SourceReader, AutoCloseable {

  /** The work found in one round: items ready to ingest, refusals, and known paths now gone. */
  record Batch(List<SourceItem> complete, List<Refusal> refused, List<String> gone) {

    public Batch {
      complete = List.copyOf(complete);
      refused = List.copyOf(refused);
      gone = List.copyOf(gone);
    }

    public static Batch empty() {
      return new Batch(List.of(), List.of(), List.of());
    }
  }

  /**
   * Waits at most {@code maxWait} for something to do, then returns what is ready (possibly
   * nothing, so the caller's heartbeat stays fresh).
   *
   * @throws IOException when the source cannot be read as a whole (the folder is missing, the
   *     bucket cannot be listed): nothing is reported gone then, and the loop tries again with
   *     backoff
   */
  Batch next(Duration maxWait) throws IOException, InterruptedException;

  /** The item was refused for good: do not offer it again until it changes. */
  void skip(SourceItem item);

  /**
   * The item could not be ingested now (it changed while read, the store failed): offer it again.
   */
  void retry(SourceItem item);

  /** Items seen but not ready yet (files still being written). */
  default int pending() {
    return 0;
  }

  /** Look again now instead of at the next interval (a notification announced a change). */
  default void wake() {}

  /** Where a feed stands (its checkpoint and counts), for {@code /health}; empty for others. */
  default String position() {
    return "";
  }

  /** Where this source reads, for logs and {@code /health}: a folder, a bucket URI, a feed URL. */
  String describe();

  @Override
  void close() throws IOException;
}
