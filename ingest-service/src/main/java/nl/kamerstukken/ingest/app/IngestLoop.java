package nl.kamerstukken.ingest.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.ingest.publish.Announcer;
import nl.kamerstukken.ingest.publish.Ingestion;
import nl.kamerstukken.ingest.publish.Outcome;
import nl.kamerstukken.ingest.source.FolderSource;
import nl.kamerstukken.ingest.source.InboxFile;
import nl.kamerstukken.ingest.source.Refusal;
import nl.kamerstukken.kit.http.HealthCheck;
import nl.kamerstukken.kit.kafka.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loop of ingest: take what the inbox has ready, handle it file by file, repeat. Refusals
 * are dead-lettered first, then complete files are ingested, and only then are vanished paths
 * released, so that a renamed file is known under its new name before its old name is let go.
 *
 * <p>{@link #stop()} lets the file in hand finish (or stay unrecorded if Kafka does not acknowledge
 * it), then the loop ends; what it did not get to is found again at the next start.
 */
final class IngestLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestLoop.class);

  /** Longest wait for inbox changes, so the heartbeat stays fresh while nothing happens. */
  private static final Duration MAX_WAIT = Duration.ofSeconds(1);

  enum State {
    STARTING,
    RUNNING,
    STOPPED
  }

  private final FolderSource source;
  private final Ingestion ingestion;
  private final Announcer announcer;
  private final Duration staleAfter;
  private final Backoff backoff = Backoff.standard();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile State state = State.STARTING;
  private volatile long heartbeat = System.nanoTime();
  private volatile String inboxProblem = "";
  private volatile int pending;

  IngestLoop(FolderSource source, Ingestion ingestion, Announcer announcer, Duration staleAfter) {
    this.source = source;
    this.ingestion = ingestion;
    this.announcer = announcer;
    this.staleAfter = staleAfter;
  }

  @Override
  public void run() {
    state = State.RUNNING;
    try {
      ingestion.retractOrphans();
      int failedPolls = 0;
      while (running) {
        heartbeat = System.nanoTime();
        FolderSource.Batch batch;
        try {
          batch = source.poll(MAX_WAIT);
        } catch (IOException e) {
          failedPolls++;
          reportInboxProblem(e.getMessage());
          awaitStop(backoff.delay(failedPolls));
          continue;
        }
        failedPolls = 0;
        reportInboxProblem("");
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

  private void handle(FolderSource.Batch batch) {
    for (Refusal refusal : batch.refused()) {
      if (!running) {
        return;
      }
      ingestion.refuse(refusal);
    }
    for (InboxFile file : batch.complete()) {
      if (!running) {
        return;
      }
      Outcome outcome = ingestion.ingest(file);
      switch (outcome.status()) {
        case REFUSED -> source.skip(file);
        case RETRY -> source.retry(file);
        default -> {}
      }
    }
    for (String path : batch.gone()) {
      if (!running) {
        return;
      }
      ingestion.release(path);
    }
  }

  private void reportInboxProblem(String problem) {
    if (!problem.equals(inboxProblem)) {
      if (problem.isEmpty()) {
        LOG.info("the inbox is readable again");
      } else {
        LOG.warn("{}", problem);
      }
      inboxProblem = problem;
    }
  }

  private void awaitStop(Duration delay) throws InterruptedException {
    stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks the loop to end after the file in hand; unblocks its waits. */
  void stop() {
    running = false;
    stopped.countDown();
    announcer.stop();
    try {
      source.close();
    } catch (IOException e) {
      LOG.warn("while closing the inbox watch: {}", e.toString());
    }
  }

  /** Readiness "watcher": the loop runs, makes rounds, and can read the inbox. */
  HealthCheck.Status health() {
    if (state != State.RUNNING) {
      return HealthCheck.Status.down("ingest loop " + state);
    }
    if (!inboxProblem.isEmpty()) {
      return HealthCheck.Status.down(inboxProblem);
    }
    String waiting = announcer.problem();
    long idleMillis = Duration.ofNanos(System.nanoTime() - heartbeat).toMillis();
    if (waiting.isEmpty() && idleMillis > staleAfter.toMillis()) {
      return HealthCheck.Status.down("no round for " + idleMillis + " ms: the loop seems stuck");
    }
    String detail = pending + " file(s) settling, last round " + idleMillis + " ms ago";
    return HealthCheck.Status.up(
        waiting.isEmpty() ? detail : detail + "; waiting for Kafka: " + waiting);
  }

  int pending() {
    return pending;
  }
}
