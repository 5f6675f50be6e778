package nl.kamerstukken.ingest.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.ingest.blob.StorageFullException;
import nl.kamerstukken.ingest.publish.Announcer;
import nl.kamerstukken.ingest.publish.FileIngestor;
import nl.kamerstukken.ingest.publish.Outcome;
import nl.kamerstukken.ingest.source.Refusal;
import nl.kamerstukken.ingest.source.Source;
import nl.kamerstukken.ingest.source.SourceItem;
import nl.kamerstukken.kit.http.HealthCheck;
import nl.kamerstukken.kit.kafka.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loop of ingest, whatever the source: take what the source has ready, handle it item by
 * item, repeat. Refusals are dead-lettered first, then complete items are ingested, and only then
 * are gone paths released, so that a renamed file (or a moved object) is known under its new name
 * before its old name is let go and never becomes a delete.
 *
 * <p>A source that cannot be read as a whole (folder missing, bucket not listable) makes the loop
 * wait with backoff and {@code /health} DOWN; nothing is released on an incomplete round. {@link
 * #stop()} lets the item in hand finish (or stay unrecorded if Kafka does not acknowledge it), then
 * the loop ends; what it did not get to is found again at the next start.
 *
 * <p>A full disk (the blob store or the ledger's folder has no space) is not a bad file: the items
 * that did not fit are held ({@link SpaceWait}), no new work is taken and nothing of that round is
 * released, {@code /health} says DISK_FULL with where and the free bytes, and the held items are
 * tried again with backoff until they fit. Nothing is announced that was not stored.
 */
final class IngestLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestLoop.class);

  /** Longest wait for the source, so the heartbeat stays fresh while nothing happens. */
  private static final Duration MAX_WAIT = Duration.ofSeconds(1);

  /** Waits between tries while the disk is full: a try is cheap (the first write fails). */
  static final Backoff SPACE_BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15));

  enum State {
    STARTING,
    RUNNING,
    STOPPED
  }

  private final Source source;
  private final FileIngestor ingestor;
  private final Announcer announcer;
  private final Duration staleAfter;
  private final Backoff backoff = Backoff.standard();
  private final SpaceWait space;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile State state = State.STARTING;
  private volatile long heartbeat = System.nanoTime();
  private volatile String sourceProblem = "";
  private volatile int pending;
  private volatile long rounds;

  /**
   * @param staleAfter {@code /health} says the loop is stuck when no round ended for this long
   *     (longer than the source's own interval)
   */
  IngestLoop(Source source, FileIngestor ingestor, Announcer announcer, Duration staleAfter) {
    this(source, ingestor, announcer, staleAfter, SPACE_BACKOFF);
  }

  /**
   * @param spaceBackoff waits between tries while the disk is full
   */
  IngestLoop(
      Source source,
      FileIngestor ingestor,
      Announcer announcer,
      Duration staleAfter,
      Backoff spaceBackoff) {
    this.source = source;
    this.ingestor = ingestor;
    this.announcer = announcer;
    this.staleAfter = staleAfter;
    this.space = new SpaceWait(spaceBackoff);
  }

  @Override
  public void run() {
    state = State.RUNNING;
    try {
      ingestor.retractOrphans();
      int failedRounds = 0;
      while (running) {
        heartbeat = System.nanoTime();
        if (space.waiting()) {
          awaitStop(space.nextDelay());
          heartbeat = System.nanoTime();
          if (!running || !retryHeld()) {
            continue;
          }
        }
        Source.Batch batch;
        try {
          batch = source.next(MAX_WAIT);
        } catch (IOException e) {
          failedRounds++;
          reportProblem(e.getMessage());
          awaitStop(backoff.delay(failedRounds));
          continue;
        }
        failedRounds = 0;
        rounds++;
        reportProblem("");
        handle(batch);
        pending = source.pending();
      }
    } catch (ClosedWatchServiceException e) {
      if (running) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (running) {
        throw new IllegalStateException("ingest loop interrupted", e);
      }
    } finally {
      state = State.STOPPED;
    }
  }

  private void handle(Source.Batch batch) {
    for (Refusal refusal : batch.refused()) {
      if (!running) {
        return;
      }
      ingestor.refuse(refusal);
    }
    if (!ingestAll(batch.complete())) {
      // Out of space (or stopping): a gone path may be a renamed file that is not recorded under
      // its new name yet. The next rescan or listing reports it again.
      return;
    }
    for (String path : batch.gone()) {
      if (!running) {
        return;
      }
      heartbeat = System.nanoTime();
      ingestor.release(path);
    }
    ingestor.stateFull().ifPresent(full -> space.full(full.getMessage(), List.of()));
  }

  /**
   * Ingests {@code items} in order; true when all were handled. When one does not fit (the blob
   * store or the ledger is full) it and the rest are held for a later try, and false is returned.
   */
  private boolean ingestAll(List<SourceItem> items) {
    for (int i = 0; i < items.size(); i++) {
      if (!running) {
        return false;
      }
      heartbeat = System.nanoTime();
      SourceItem item = items.get(i);
      Outcome outcome = ingestor.ingest(item);
      switch (outcome.status()) {
        case REFUSED -> source.skip(item);
        case RETRY -> source.retry(item);
        case NO_SPACE -> {
          space.full(outcome.detail(), items.subList(i, items.size()));
          return false;
        }
        default -> {}
      }
      Optional<StorageFullException> state = ingestor.stateFull();
      if (state.isPresent()) {
        // The item is announced; its ledger line waits in memory. The rest waits for space.
        space.full(state.get().getMessage(), items.subList(i + 1, items.size()));
        return false;
      }
    }
    return true;
  }

  /**
   * After a wait for space: writes the ledger's waiting lines, then tries the held items. True when
   * everything fit and the loop may take new work again.
   */
  private boolean retryHeld() {
    Optional<StorageFullException> state = ingestor.flushState();
    if (state.isPresent()) {
      space.full(state.get().getMessage(), List.of());
      return false;
    }
    if (!ingestAll(space.takeHeld())) {
      return false;
    }
    space.clear();
    return true;
  }

  private void reportProblem(String problem) {
    if (!problem.equals(sourceProblem)) {
      if (problem.isEmpty()) {
        LOG.info("[{}] can be read again", source.describe());
      } else {
        LOG.warn("{}", problem);
      }
      sourceProblem = problem;
    }
  }

  private void awaitStop(Duration delay) throws InterruptedException {
    stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks the loop to end after the item in hand; unblocks its waits. */
  void stop() {
    running = false;
    stopped.countDown();
    announcer.stop();
    source.wake();
    try {
      source.close();
    } catch (IOException e) {
      LOG.warn("while closing [{}]: {}", source.describe(), e.toString());
    }
  }

  /**
   * Readiness "storage": DOWN with DISK_FULL, where and the free bytes while ingest waits for
   * space; else UP with {@code free} (the free space of the folders it writes).
   */
  HealthCheck.Status storage(String free) {
    String waiting = space.describe();
    return waiting.isEmpty() ? HealthCheck.Status.up(free) : HealthCheck.Status.down(waiting);
  }

  /** Whether ingest waits for space (a gauge: 1 while the disk is full). */
  boolean diskFull() {
    return space.waiting();
  }

  /** Readiness "watcher": the loop runs, makes rounds, and can read its source. */
  HealthCheck.Status health() {
    if (state != State.RUNNING) {
      return HealthCheck.Status.down("ingest loop " + state);
    }
    if (!sourceProblem.isEmpty()) {
      String where = source.position();
      return HealthCheck.Status.down(
          where.isEmpty() ? sourceProblem : sourceProblem + "; " + where);
    }
    String waiting = announcer.problem();
    long idleMillis = Duration.ofNanos(System.nanoTime() - heartbeat).toMillis();
    if (waiting.isEmpty() && idleMillis > staleAfter.toMillis()) {
      return HealthCheck.Status.down("no round for " + idleMillis + " ms: the loop seems stuck");
    }
    String detail =
        "watching "
            + source.describe()
            + ": "
            + rounds
            + " round(s), "
            + pending
            + " item(s) not ready yet, last round "
            + idleMillis
            + " ms ago"
            + (source.position().isEmpty() ? "" : "; " + source.position());
    return HealthCheck.Status.up(
        waiting.isEmpty() ? detail : detail + "; waiting for Kafka: " + waiting);
  }

  int pending() {
    return pending;
  }
}
