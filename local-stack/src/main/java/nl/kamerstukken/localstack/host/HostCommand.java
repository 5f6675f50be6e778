package nl.kamerstukken.localstack.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short host command (getent, useradd, test) with its exit code and merged output. */
record HostCommand(List<String> command, int exitCode, String output) {

  private static final long TIMEOUT_SECONDS = 60;

  HostCommand {
    command = List.copyOf(command);
  }

  static HostCommand run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      // The commands we run print little and end quickly: reading to EOF before waiting cannot
      // dead-lock.
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Command " + command + " did not end within " + TIMEOUT_SECONDS + " s");
      }
      return new HostCommand(command, process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }

  boolean succeeded() {
    return exitCode == 0;
  }
}
