package nl.kamerstukken.parse.isolation;

import java.time.Duration;
import java.util.List;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.parse.ParserUnavailableException;
import nl.kamerstukken.parse.api.ParseOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One place for a parse worker: holds the running worker and replaces it when it ends. Used by one
 * thread at a time (the pool hands slots out). A worker that dies while parsing is blamed on the
 * document only after a fresh worker died on it too (the first death may have been caused by the
 * documents before it); a document that exceeds the time budget is not tried again.
 */
final class WorkerSlot implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerSlot.class);

  /** Attempts of a document whose worker died; the second death is the document's fault. */
  static final int CRASH_ATTEMPTS = 2;

  /** Starts tried within one request before giving up (the caller retries the batch later). */
  private static final int START_TRIES = 3;

  private final String name;
  private final List<String> command;
  private final IsolationSettings settings;
  private final WorkerMetrics metrics;
  private final Backoff backoff = Backoff.standard();
  private volatile WorkerProcess worker;
  private int startFailures;
  private volatile String startProblem = "";
  private volatile boolean closed;

  WorkerSlot(String name, List<String> command, IsolationSettings settings, WorkerMetrics metrics) {
    this.name = name;
    this.command = command;
    this.settings = settings;
    this.metrics = metrics;
  }

  /** Parses one document in this slot's worker, replacing the worker as often as needed. */
  ParseOutcome parse(WorkerRequest request) {
    String fileName = request.source().fileName();
    for (int attempt = 1; ; attempt++) {
      Exchange exchange = exchange(request);
      if (exchange instanceof Exchange.Replied replied) {
        if (replied.reply().workerBroken()) {
          metrics.restarted("broken");
          replaceWorker();
        }
        return replied.reply().outcome(attempt);
      }
      if (closed) {
        throw new ParserUnavailableException("the parse workers are shutting down", null);
      }
      if (exchange instanceof Exchange.TimedOut timedOut) {
        metrics.restarted("timeout");
        LOG.warn(
            "parse of [{}] took longer than [{}]: worker [{}] killed",
            fileName,
            timedOut.budget(),
            name);
        replaceWorker();
        return new ParseOutcome.Failed(
            ReasonCode.PARSE_TIMEOUT,
            "parsing "
                + fileName
                + " took longer than "
                + seconds(timedOut.budget())
                + " (PARSE_TIMEOUT); the parse worker was stopped. A document this slow is"
                + " usually malformed or a long scan: check it, or raise PARSE_TIMEOUT",
            attempt);
      }
      Exchange.Died died = (Exchange.Died) exchange;
      ReasonCode reason = WorkerDeath.reasonCode(died);
      metrics.restarted(reason.name().toLowerCase(java.util.Locale.ROOT));
      LOG.warn(
          "parse worker [{}] died on [{}] (attempt [{}], exit code [{}], [{}])",
          name,
          fileName,
          attempt,
          died.exitCode(),
          reason);
      if (attempt >= CRASH_ATTEMPTS) {
        replaceWorker();
        return new ParseOutcome.Failed(
            reason, WorkerDeath.describe(died, fileName, settings.heap()), attempt);
      }
    }
  }

  private Exchange exchange(WorkerRequest request) {
    try {
      return ready().exchange(request, settings.timeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParserUnavailableException(
          "interrupted while parsing " + request.source().fileName(), e);
    }
  }

  /** The running worker, or a new one; waits with backoff between failed starts. */
  WorkerProcess ready() throws InterruptedException {
    if (worker != null && worker.isUsable()) {
      return worker;
    }
    if (worker != null) {
      worker.kill();
      worker = null;
    }
    for (int tries = 1; !closed; tries++) {
      if (startFailures > 0) {
        Thread.sleep(backoff.delay(startFailures).toMillis());
      }
      try {
        worker =
            WorkerProcess.start(name, command, settings.startTimeout(), settings.maxReplyBytes());
        startFailures = 0;
        startProblem = "";
        return worker;
      } catch (WorkerStartException e) {
        startFailures++;
        startProblem = e.getMessage();
        metrics.restarted("start_failed");
        LOG.error(
            "parse worker [{}] could not start (failure [{}]): {}",
            name,
            startFailures,
            e.getMessage());
        if (tries >= START_TRIES) {
          throw new ParserUnavailableException(e.getMessage(), e);
        }
      }
    }
    throw new ParserUnavailableException("the parse workers are shutting down", null);
  }

  /**
   * Starts the next worker now, so the document that cost the last one pays for its replacement,
   * not the next document. A failed start is left for the next request (which retries it with
   * backoff).
   */
  private void replaceWorker() {
    if (closed) {
      return;
    }
    try {
      ready();
    } catch (ParserUnavailableException e) {
      LOG.warn("parse worker [{}] not replaced yet: {}", name, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Why the last start failed; empty when the worker started fine. */
  String startProblem() {
    return startProblem;
  }

  boolean hasUsableWorker() {
    WorkerProcess current = worker;
    return current != null && current.isUsable();
  }

  /** Marks the slot closed (a parse in progress ends as unavailable) and stops its worker. */
  @Override
  public void close() {
    closed = true;
    WorkerProcess current = worker;
    if (current != null) {
      current.close();
    }
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
