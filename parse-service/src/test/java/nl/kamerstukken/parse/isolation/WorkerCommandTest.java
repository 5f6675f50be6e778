package nl.kamerstukken.parse.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import nl.kamerstukken.parse.api.ParserSettings;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {

  @Test
  void theWorkerHeapStartsSmallButNeverAboveItsBound() {
    assertThat(ParseWorkerPool.initialHeap("512m")).isEqualTo("128m");
    assertThat(ParseWorkerPool.initialHeap("1g")).isEqualTo("128m");
    assertThat(ParseWorkerPool.initialHeap("64m")).isEqualTo("64m");
    assertThat(ParseWorkerPool.initialHeap("65536k")).isEqualTo("65536k");
    assertThat(ParseWorkerPool.initialHeap("100000000")).isEqualTo("100000000");
  }

  @Test
  void theWorkerRunsWithTheConfiguredBoundAndExitsOnOutOfMemory() {
    var command =
        ParseWorkerPool.command(
            ParserSettings.defaults(),
            IsolationSettings.defaults(1)
                .withLimits(
                    "64m",
                    IsolationSettings.DEFAULT_TIMEOUT,
                    IsolationSettings.DEFAULT_MAX_FILE_SIZE));

    assertThat(command).contains("-Xms64m", "-Xmx64m", "-XX:+ExitOnOutOfMemoryError");
  }
}
