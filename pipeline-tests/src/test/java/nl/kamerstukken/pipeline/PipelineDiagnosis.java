package nl.kamerstukken.pipeline;

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
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waits like Awaitility, but when the wait runs out the failure says where the documents stopped:
 * the {@code status} command's counts and lag for the pipeline's namespace, and the last warnings
 * of each service's log (or of {@code up}'s console, where {@code up} copies all of them). CI shows
 * little more than the failure message, so the message carries the diagnosis.
 */
public final class PipelineDiagnosis {

  private static final int LOG_LINES = 4;
  private static final int CONSOLE_LINES = 12;

  /** The services whose logs it reads, in the pipeline's order. */
  private static final List<String> SERVICES =
      List.of(
          PipelineSettings.INGEST,
          PipelineSettings.PARSE,
          PipelineSettings.INDEX,
          PipelineSettings.ASSEMBLE);

  private final PipelineSettings settings;
  private final Path console;

  /** For services that log to {@code <service>.log} in the settings' log folder, if any. */
  public PipelineDiagnosis(PipelineSettings settings) {
    this(settings, null);
  }

  /** For services run by {@code ./kamerstukken up}, whose output is in {@code console}. */
  public PipelineDiagnosis(PipelineSettings settings, Path console) {
    this.settings = settings;
    this.console = console;
  }

  public void within(Duration patience, ThrowingRunnable assertion) {
    within(patience, Duration.ofMillis(100), assertion);
  }

  public void within(Duration patience, Duration poll, ThrowingRunnable assertion) {
    try {
      await().atMost(patience).pollInterval(poll).untilAsserted(assertion);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\npipeline: " + describe(), e);
    }
  }

  /**
   * One look at the pipeline: status counts and lag, then the services' last warnings and errors.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of("status", "--window", "0s"));
    args.addAll(TestPipelines.cliConnection(settings));
    args.addAll(List.of("--http-ports", TestPipelines.statusPorts(settings)));
    CliRun status = CliRun.of(args.toArray(String[]::new));
    parts.add(
        status
            .output()
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .collect(Collectors.joining(" | ")));
    if (console != null) {
      parts.add("up's console: " + lastWarnings(console, CONSOLE_LINES));
    } else if (settings.logDir() != null) {
      for (String service : SERVICES) {
        Path log = settings.logDir().resolve(service + ".log");
        parts.add(service + " log: " + lastWarnings(log, LOG_LINES));
      }
    }
    return String.join("\n", parts);
  }

  private static String lastWarnings(Path log, int count) {
    if (!Files.isRegularFile(log)) {
      return "(no log at " + log + ")";
    }
    try (Stream<String> lines = Files.lines(log)) {
      List<String> warnings =
          lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
      List<String> last = warnings.subList(Math.max(0, warnings.size() - count), warnings.size());
      return last.isEmpty() ? "no warnings" : String.join(" || ", last);
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
