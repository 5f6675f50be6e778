package nl.kamerstukken.pipeline.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.pipeline.CliRun;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waits like Awaitility, but when the wait runs out the failure says where the documents stopped:
 * the {@code status} command's counts and lag for the pipeline's namespace, and the last warnings
 * of each service's log. CI shows little more than the failure message, so the message carries the
 * diagnosis.
 */
final class PipelineDiagnosis {

  private static final int LOG_LINES = 4;

  private final PipelineSettings settings;

  PipelineDiagnosis(PipelineSettings settings) {
    this.settings = settings;
  }

  void within(Duration patience, ThrowingRunnable assertion) {
    try {
      await().atMost(patience).untilAsserted(assertion);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\npipeline: " + describe(), e);
    }
  }

  /**
   * One look at the pipeline: status counts and lag, then the services' last warnings and errors.
   */
  String describe() {
    List<String> parts = new ArrayList<>();
    List<String> ports =
        settings.httpPorts().entrySet().stream()
            .sorted((a, b) -> order(a.getKey()) - order(b.getKey()))
            .map(e -> String.valueOf(e.getValue()))
            .toList();
    CliRun status =
        CliRun.of(
            "status",
            "--window",
            "0s",
            "--kafka",
            settings.kafkaBootstrap(),
            "--elasticsearch-url",
            settings.elasticsearchUrl(),
            "--topic-prefix",
            settings.topicPrefix(),
            "--alias-prefix",
            settings.aliasPrefix(),
            "--http-ports",
            String.join(",", ports));
    parts.add(
        status
            .output()
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .collect(Collectors.joining(" | ")));
    if (settings.logDir() != null) {
      for (String service :
          List.of(PipelineSettings.INGEST, PipelineSettings.PARSE, PipelineSettings.INDEX)) {
        parts.add(service + " log: " + lastWarnings(settings.logDir().resolve(service + ".log")));
      }
    }
    return String.join("\n", parts);
  }

  private static int order(String service) {
    return List.of(PipelineSettings.INGEST, PipelineSettings.PARSE, PipelineSettings.INDEX)
        .indexOf(service);
  }

  private static String lastWarnings(Path log) {
    if (!Files.isRegularFile(log)) {
      return "(no log at " + log + ")";
    }
    try (Stream<String> lines = Files.lines(log)) {
      List<String> warnings =
          lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
      List<String> last =
          warnings.subList(Math.max(0, warnings.size() - LOG_LINES), warnings.size());
      return last.isEmpty() ? "no warnings" : String.join(" || ", last);
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
