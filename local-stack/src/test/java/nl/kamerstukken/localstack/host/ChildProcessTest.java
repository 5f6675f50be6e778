package nl.kamerstukken.localstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

  @TempDir Path dir;

  @Test
  void stopEndsTheChildAndEveryProcessItSpawned() {
    // Given a shell that starts two grandchildren and waits
    ChildProcess child =
        ChildProcess.start(
            "tree",
            new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300 & wait"),
            dir.resolve("tree.out"));
    await().atMost(Duration.ofSeconds(10)).until(() -> descendants(child).size() == 2);
    List<ProcessHandle> grandchildren = descendants(child);

    // When
    child.stop(Duration.ofSeconds(10));

    // Then
    assertThat(child.isAlive()).isFalse();
    assertThat(grandchildren).isNotEmpty().noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aChildIgnoringSigtermIsKilledAfterTheGracePeriod() {
    // Given a child that traps SIGTERM
    ChildProcess child =
        ChildProcess.start(
            "stubborn",
            new ProcessBuilder(
                "sh", "-c", "trap '' TERM; echo trapped; while true; do sleep 1; done"),
            dir.resolve("stubborn.out"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.readString(dir.resolve("stubborn.out")).contains("trapped"));

    // When
    child.stop(Duration.ofMillis(500));

    // Then
    await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
  }

  @Test
  void outputGoesToTheLogFileAndTailShowsItsLastLines() throws IOException {
    // Given
    ChildProcess child =
        ChildProcess.start(
            "printer",
            new ProcessBuilder(
                "sh", "-c", "for i in 1 2 3 4 5; do echo line $i; done; echo oops >&2"),
            dir.resolve("printer.out"));

    // When
    child.awaitExit(Duration.ofSeconds(10));

    // Then
    assertThat(child.tail(2)).isEqualTo("line 5" + System.lineSeparator() + "oops");
    assertThat(Files.readAllLines(dir.resolve("printer.out"))).hasSize(6);
    assertThat(child.exitCode()).isZero();
  }

  private static List<ProcessHandle> descendants(ChildProcess child) {
    return ProcessHandle.of(child.pid())
        .map(ProcessHandle::descendants)
        .orElseThrow()
        .collect(Collectors.toList());
  }
}
