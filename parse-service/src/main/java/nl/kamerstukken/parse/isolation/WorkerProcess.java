package nl.kamerstukken.parse.isolation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running parse worker, seen from the service: sends a request, waits for the reply within a
 * budget, and notices when the worker dies. Used by one thread at a time. A worker that timed out,
 * died or broke the protocol is finished: {@link #isUsable()} turns false and a new one must be
 * started.
 */
final class WorkerProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);

  /** Marks the end of the worker's reply stream. */
  private static final Object END = new Object();

  private static final int MAX_REQUEST_BYTES = 1 << 20;

  private final String name;
  private final Process process;
  private final DataOutputStream requests;
  private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
  private final OutputTail stderr;
  private volatile boolean usable = true;

  private WorkerProcess(String name, Process process, int maxReplyBytes) {
    this.name = name;
    this.process = process;
    this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    this.stderr = OutputTail.start(process.getErrorStream(), System.err, name + "-stderr");
    Thread reader = new Thread(() -> readReplies(maxReplyBytes), name + "-replies");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code command} and waits until the worker has built its parser and said READY.
   *
   * @throws WorkerStartException if it exits or stays silent for {@code startTimeout}
   */
  static WorkerProcess start(
      String name, List<String> command, Duration startTimeout, int maxReplyBytes)
      throws WorkerStartException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new WorkerStartException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
    WorkerProcess worker = new WorkerProcess(name, process, maxReplyBytes);
    Object first = worker.replies.poll(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    if (first instanceof WorkerReply reply && WorkerReply.READY.equals(reply.status())) {
      LOG.info("parse worker [{}] ready (pid [{}])", name, process.pid());
      return worker;
    }
    worker.kill();
    String why =
        first == null
            ? "did not report ready within " + startTimeout
            : "exited with code " + worker.exitCode();
    throw new WorkerStartException(
        "parse worker "
            + name
            + " "
            + why
            + "; its last output: "
            + String.join(" | ", worker.stderr.lines()),
        null);
  }

  /** Sends one request and waits at most {@code budget} for its reply. */
  Exchange exchange(WorkerRequest request, Duration budget) throws InterruptedException {
    try {
      Frames.write(requests, Json.mapper().writeValueAsBytes(request));
    } catch (IOException e) {
      return died();
    }
    Object reply;
    try {
      reply = replies.poll(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      kill();
      throw e;
    }
    if (reply == null) {
      kill();
      return new Exchange.TimedOut(budget);
    }
    if (reply == END || ((WorkerReply) reply).id() != request.id()) {
      return died();
    }
    if (((WorkerReply) reply).workerBroken()) {
      usable = false;
    }
    return new Exchange.Replied((WorkerReply) reply);
  }

  boolean isUsable() {
    return usable && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  private Exchange died() throws InterruptedException {
    usable = false;
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
    return new Exchange.Died(exitCode(), stderr.lines());
  }

  private int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  private void readReplies(int maxReplyBytes) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
      while (true) {
        byte[] frame = Frames.read(in, maxReplyBytes + MAX_REQUEST_BYTES, stderr::add);
        replies.add(Json.mapper().readValue(frame, WorkerReply.class));
      }
    } catch (IOException e) {
      // End of stream (the worker exited or was killed) or a stream we cannot trust: the worker is
      // finished.
      if (!(e instanceof java.io.EOFException) && usable) {
        LOG.warn(
            "parse worker [{}] sent an unreadable reply; it is not used any more: {}",
            name,
            e.getMessage());
      }
    } finally {
      replies.add(END);
    }
  }

  /**
   * Kills the worker and whatever it started (Tesseract), without waiting for it to finish
   * anything.
   */
  void kill() {
    usable = false;
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Closes the request stream (the worker exits when it reads its end), then kills it if it
   * lingers.
   */
  @Override
  public void close() {
    usable = false;
    try {
      requests.close();
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        return;
      }
    } catch (IOException e) {
      LOG.debug("parse worker [{}]: request stream already closed: {}", name, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
  }
}
