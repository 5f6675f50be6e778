package nl.kamerstukken.cli.up;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Copies a service's output to this console line by line, and keeps its last lines for the message
 * that says why {@code up} gave the service up. A daemon thread; it ends with the output.
 */
final class ConsoleTail {

  private static final int KEPT = 60;

  private final Deque<String> last = new ArrayDeque<>();

  private ConsoleTail() {}

  static ConsoleTail copy(String name, InputStream output) {
    ConsoleTail tail = new ConsoleTail();
    PrintStream console = System.out;
    Thread copier =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  console.println(line);
                  tail.keep(line);
                }
              } catch (IOException e) {
                // The service's output ended with the service.
              }
            },
            "output-" + name);
    copier.setDaemon(true);
    copier.start();
    return tail;
  }

  private synchronized void keep(String line) {
    last.addLast(line);
    if (last.size() > KEPT) {
      last.removeFirst();
    }
  }

  synchronized String last(int count) {
    return String.join(
        System.lineSeparator(), last.stream().skip(Math.max(0, last.size() - count)).toList());
  }
}
