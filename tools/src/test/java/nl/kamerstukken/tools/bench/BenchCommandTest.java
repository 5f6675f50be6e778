package nl.kamerstukken.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  private final StringWriter errors = new StringWriter();

  /** Runs the command line; only arguments it refuses return before any work starts. */
  private int exitCode(String... args) {
    CommandLine line = new CommandLine(new BenchCommand());
    line.setErr(new PrintWriter(errors));
    return line.execute(args);
  }

  @Test
  void instancesOfTheConsumingServicesAreReadAsServiceAndCount() {
    BenchCommand command = new BenchCommand();
    new CommandLine(command)
        .parseArgs("--instances", "parse-service=2,index-service=3", "--rounds", "1");

    assertThat(command.instances)
        .containsExactlyInAnyOrderEntriesOf(Map.of("parse-service", 2, "index-service", 3));
  }

  @Test
  void aSecondIngestServiceIsRefusedBecauseItWouldReadTheSameInbox() {
    assertThat(exitCode("--instances", "ingest-service=2")).isEqualTo(2);
    assertThat(errors.toString()).contains("--instances takes SERVICE=N", "ingest-service=2");
  }

  @Test
  void moreInstancesThanTheTopicsHavePartitionsAreRefused() {
    assertThat(exitCode("--instances", "parse-service=" + (BenchCommand.MAX_INSTANCES + 1)))
        .isEqualTo(2);
    assertThat(exitCode("--instances", "index-service=0")).isEqualTo(2);
  }
}
