package nl.kamerstukken.cli.status;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.cli.dlq.DeadLetterLog;
import nl.kamerstukken.cli.search.Connection;
import nl.kamerstukken.cli.sources.KnownSourcesReport;
import nl.kamerstukken.cli.up.Supervision;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.model.DeadLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kamerstukken status}: is the index complete, and if not, is work moving? Prints events
 * per topic, consumer lag per service, dead letters by stage and reason, documents per alias with
 * the active analysis, and each service's health. Exit code 0 = nothing stuck, 1 = stuck (see
 * {@link Verdict}), 2 = Kafka could not be asked.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show received / parsed / indexed / failed counts, consumer lag per service, documents per alias,"
          + " the active analysis and the services' health.",
      "Exit code: 0 nothing stuck, 1 work stuck (lag that did not move during --window, or a service not ready),"
          + " 2 Kafka unreachable."
    })
public final class StatusCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Option(
      names = "--window",
      defaultValue = "10s",
      paramLabel = "DURATION",
      description =
          "How long to watch waiting work for progress before calling it stuck, e.g. 10s, 500ms, PT1M"
              + " (default: ${DEFAULT-VALUE}; 0s = one look).")
  String window;

  @Option(
      names = "--http-ports",
      defaultValue = "8081,8082,8083,8084",
      split = ",",
      description =
          "Ports of /health of ingest, parse, index and assemble (default: ${DEFAULT-VALUE}).")
  int[] httpPorts;

  @Option(
      names = "--http-host",
      defaultValue = "127.0.0.1",
      description = "Host of the services (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(
      names = "--data-dir",
      defaultValue = ".kamerstukken",
      description =
          "Data folder of ./kamerstukken up: its services' crash and restart counts and the"
              + " sources ingest knows are shown (default: ${DEFAULT-VALUE}).")
  java.nio.file.Path dataDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    IndexClient config = connection.open();
    KafkaProgress kafka = new KafkaProgress(config.kafka());
    KafkaProgress.Snapshot first;
    try {
      first = kafka.snapshot();
    } catch (IllegalStateException e) {
      out.println("Kafka at " + config.kafka().bootstrapServers() + ": " + e.getMessage());
      printSupervision(out);
      KnownSourcesReport.printAll(out, dataDir);
      out.flush();
      return 2;
    }
    Duration watch = parse(window);
    boolean waiting = first.lag().values().stream().anyMatch(lag -> lag > 0);
    KafkaProgress.Snapshot last = first;
    if (waiting && !watch.isZero()) {
      TimeUnit.MILLISECONDS.sleep(watch.toMillis());
      last = kafka.snapshot();
    }
    List<ServiceHealth.Health> health = health();
    Verdict.Result verdict = Verdict.judge(waiting && !watch.isZero() ? first : null, last, health);
    try (config) {
      new StatusReport(out, config)
          .print(
              first, last, watch, deadLetters(config), SearchStatus.look(config), health, verdict);
    } catch (IOException e) {
      // closing the Elasticsearch client failed: the report is printed already
    }
    printSupervision(out);
    KnownSourcesReport.printAll(out, dataDir);
    out.flush();
    return verdict.stuck() ? 1 : 0;
  }

  /** The services under {@code up} on {@link #dataDir}, with their crashes and restarts. */
  private void printSupervision(PrintWriter out) {
    List<Supervision.ServiceState> states = Supervision.read(dataDir);
    if (states.isEmpty()) {
      return;
    }
    out.println();
    out.println("Services under ./kamerstukken up (" + dataDir.toAbsolutePath() + "):");
    for (Supervision.ServiceState state : states) {
      out.printf(
          "  %-18s %-10s pid %-8d crashes %d  restarts %d  last crash %s%n",
          state.name(),
          state.state(),
          state.pid(),
          state.crashes(),
          state.restarts(),
          state.lastCrash());
    }
  }

  private List<ServiceHealth.Health> health() {
    List<String> services =
        List.of("ingest-service", "parse-service", "index-service", "assemble-service");
    List<ServiceHealth.Health> answers = new ArrayList<>();
    for (int i = 0; i < services.size() && i < httpPorts.length; i++) {
      answers.add(ServiceHealth.ask(services.get(i), httpHost, httpPorts[i]));
    }
    return answers;
  }

  /** Dead letters by "STAGE REASON": [total, open]; null if they cannot be read. */
  private static Map<String, int[]> deadLetters(IndexClient config) {
    try {
      DeadLetterLog log = DeadLetterLog.read(config.kafka());
      Map<String, int[]> counts = new LinkedHashMap<>();
      for (DeadLetterLog.Entry entry : log.entries()) {
        DeadLetter letter = entry.letter();
        String key =
            letter == null ? "? UNREADABLE_RECORD" : letter.stage() + " " + letter.reasonCode();
        int[] count = counts.computeIfAbsent(key, k -> new int[2]);
        count[0]++;
        count[1] += log.isOpen(entry) ? 1 : 0;
      }
      return counts;
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Duration parse(String text) {
    String value = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (value.startsWith("pt")) {
      return Duration.parse(value);
    }
    if (value.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
    }
    if (value.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
    }
    return Duration.ofSeconds(
        Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
  }
}
