package nl.kamerstukken.ingest.app;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.ingest.publish.Announcer;
import nl.kamerstukken.ingest.publish.Ingestion;
import nl.kamerstukken.ingest.publish.Outcome;
import nl.kamerstukken.ingest.source.BucketObject;
import nl.kamerstukken.ingest.source.BucketSource;
import nl.kamerstukken.kit.http.HealthCheck;
import nl.kamerstukken.kit.kafka.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of ingest when the inbox is a bucket: list it completely, ingest what is new or changed,
 * release what is gone, wait for the poll interval (or an early {@link #trigger()} from the
 * bucket's notifications), repeat. New and changed objects are handled before gone keys, so a move
 * (copy, then delete) is known under its new key before the old key is let go and never becomes a
 * delete.
 *
 * <p>A listing that fails (S3 unreachable, bucket missing) makes the loop wait with backoff and
 * {@code /health} DOWN; nothing is removed on an incomplete listing.
 */
final class BucketLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(BucketLoop.class);

  enum State {
    STARTING,
    RUNNING,
    STOPPED
  }

  private final BucketSource source;
  private final Ingestion ingestion;
  private final Announcer announcer;
  private final Duration interval;
  private final Duration staleAfter;
  private final Backoff backoff = Backoff.standard();
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running = true;
  private volatile State state = State.STARTING;
  private volatile long heartbeat = System.nanoTime();
  private volatile String bucketProblem = "";
  private volatile long listings;

  BucketLoop(BucketSource source, Ingestion ingestion, Announcer announcer, Duration interval) {
    this.source = source;
    this.ingestion = ingestion;
    this.announcer = announcer;
    this.interval = interval;
    this.staleAfter = Duration.ofMinutes(2).plus(interval);
  }

  @Override
  public void run() {
    state = State.RUNNING;
    try {
      ingestion.retractOrphans();
      int failedListings = 0;
      while (running) {
        heartbeat = System.nanoTime();
        BucketSource.Batch batch;
        try {
          batch = source.list();
        } catch (IOException e) {
          failedListings++;
          reportProblem(e.getMessage());
          await(backoff.delay(failedListings));
          continue;
        }
        failedListings = 0;
        listings++;
        reportProblem("");
        handle(batch);
        await(interval);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (running) {
        throw new IllegalStateException("bucket loop interrupted", e);
      }
    } finally {
      state = State.STOPPED;
    }
  }

  private void handle(BucketSource.Batch batch) {
    for (BucketObject object : batch.complete()) {
      if (!running) {
        return;
      }
      heartbeat = System.nanoTime();
      Outcome outcome = ingestion.ingest(object);
      if (outcome.status() == Outcome.Status.REFUSED) {
        source.skip(object);
      }
      // RETRY needs nothing: the ledger did not record it, so the next listing offers it again.
    }
    for (String path : batch.gone()) {
      if (!running) {
        return;
      }
      heartbeat = System.nanoTime();
      ingestion.release(path);
    }
  }

  private void reportProblem(String problem) {
    if (!problem.equals(bucketProblem)) {
      if (problem.isEmpty()) {
        LOG.info("the bucket [{}] can be listed again", source.location());
      } else {
        LOG.warn("{}", problem);
      }
      bucketProblem = problem;
    }
  }

  /** Waits for {@code delay}, or less when triggered or stopped. */
  private void await(Duration delay) throws InterruptedException {
    if (wake.tryAcquire(delay.toMillis(), TimeUnit.MILLISECONDS)) {
      wake.drainPermits();
    }
  }

  /** Lists again now instead of at the end of the interval (the bucket announced a change). */
  void trigger() {
    wake.release();
  }

  /** Asks the loop to end after the object in hand; unblocks its waits. */
  void stop() {
    running = false;
    wake.release();
    announcer.stop();
  }

  /** Readiness "watcher": the loop runs, lists the bucket, and the listing works. */
  HealthCheck.Status health() {
    if (state != State.RUNNING) {
      return HealthCheck.Status.down("bucket loop " + state);
    }
    if (!bucketProblem.isEmpty()) {
      return HealthCheck.Status.down(bucketProblem);
    }
    String waiting = announcer.problem();
    long idleMillis = Duration.ofNanos(System.nanoTime() - heartbeat).toMillis();
    if (waiting.isEmpty() && idleMillis > staleAfter.toMillis()) {
      return HealthCheck.Status.down("no listing for " + idleMillis + " ms: the loop seems stuck");
    }
    String detail =
        "watching "
            + source.location()
            + ", "
            + listings
            + " listing(s), last "
            + idleMillis
            + " ms ago";
    return HealthCheck.Status.up(
        waiting.isEmpty() ? detail : detail + "; waiting for Kafka: " + waiting);
  }
}
