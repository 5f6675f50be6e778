package nl.kamerstukken.parse.isolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Drains a worker's stderr on its own thread: every line is passed on to the service's own stderr
 * (the worker's logs show up in the service log), and the last lines are kept to explain why a
 * worker died. Thread-safe.
 */
final class OutputTail {

  private static final int KEPT = 60;

  private final Deque<String> lines = new ArrayDeque<>();
  private final PrintStream forward;
  private final Thread thread;

  private OutputTail(InputStream stream, PrintStream forward, String threadName) {
    this.forward = forward;
    this.thread = new Thread(() -> drain(stream), threadName);
    thread.setDaemon(true);
  }

  static OutputTail start(InputStream stream, PrintStream forward, String threadName) {
    OutputTail tail = new OutputTail(stream, forward, threadName);
    tail.thread.start();
    return tail;
  }

  private void drain(InputStream stream) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        keep(line);
      }
    } catch (IOException e) {
      // The worker is gone; what was read is kept.
    }
  }

  /**
   * Passes on and keeps output that arrived another way (what the JVM wrote to the reply stream).
   */
  void add(String text) {
    text.lines().filter(line -> !line.isBlank()).forEach(this::keep);
  }

  private void keep(String line) {
    forward.println(line);
    synchronized (lines) {
      if (lines.size() == KEPT) {
        lines.removeFirst();
      }
      lines.addLast(line);
    }
  }

  /** The last lines, after waiting briefly for the stream to be drained (the worker has exited). */
  List<String> lines() {
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }
}
