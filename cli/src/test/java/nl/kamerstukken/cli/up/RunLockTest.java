package nl.kamerstukken.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

  @TempDir Path data;

  @Test
  void aNewRunStopsWhatAnEarlierRunLeftRunning() throws Exception {
    // Given a process an earlier up started and recorded, and a process with a reused pid
    Process leftover = new ProcessBuilder("sleep", "300").start();
    Process stranger = new ProcessBuilder("sleep", "300").start();
    Files.write(
        data.resolve(RunLock.PIDS_FILE),
        List.of(
            "999999999\t1\tjava",
            leftover.pid() + "\t" + started(leftover) + "\tsleep",
            stranger.pid() + "\t" + (started(stranger) - 60_000) + "\tsleep"));
    StringWriter said = new StringWriter();
    try {
      // When up starts on that data folder
      try (RunLock run = RunLock.acquire(data, new PrintWriter(said, true))) {
        // Then the leftover is stopped, the process that only shares a pid is not
        assertThat(leftover.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(stranger.isAlive()).isTrue();
        assertThat(said.toString())
            .contains("left 1 process(es) running; stopping them: " + leftover.pid());
        // And the new run records itself
        assertThat(Files.readAllLines(data.resolve(RunLock.PIDS_FILE)).get(0))
            .startsWith(ProcessHandle.current().pid() + "\t");
      }
      assertThat(data.resolve(RunLock.PIDS_FILE)).doesNotExist();
    } finally {
      leftover.destroyForcibly();
      stranger.destroyForcibly();
    }
  }

  @Test
  void aSecondRunOnTheSameDataFolderIsRefusedNamingTheFirst() throws IOException {
    try (RunLock first = RunLock.acquire(data, new PrintWriter(new StringWriter()))) {
      assertThatThrownBy(() -> RunLock.acquire(data, new PrintWriter(new StringWriter())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another ./kamerstukken up (pid " + ProcessHandle.current().pid())
          .hasMessageContaining("--data-dir");
    }
  }

  private static long started(Process process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
  }
}
