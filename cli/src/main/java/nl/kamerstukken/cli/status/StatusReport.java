package nl.kamerstukken.cli.status;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.api.AliasStatus;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.model.Topics;

/** Prints what {@link StatusCommand} found, section by section. */
final class StatusReport {

  private final PrintWriter out;
  private final IndexClient config;

  StatusReport(PrintWriter out, IndexClient config) {
    this.out = out;
    this.config = config;
  }

  void print(
      KafkaProgress.Snapshot first,
      KafkaProgress.Snapshot last,
      Duration window,
      Map<String, int[]> deadLetters,
      SearchStatus.Look search,
      List<ServiceHealth.Health> health,
      Verdict.Result verdict) {
    out.printf(
        "kamerstukken status   Kafka %s   Elasticsearch %s%n%n",
        config.kafka().bootstrapServers(), config.elasticsearchUrl());
    counts(last, deadLetters, search);
    lag(first, last, window);
    deadLetters(deadLetters);
    search(search);
    services(health);
    verdict(last, verdict, first != last);
  }

  private void counts(
      KafkaProgress.Snapshot last, Map<String, int[]> deadLetters, SearchStatus.Look search) {
    out.println("Pipeline");
    out.printf(
        "  received  %8d event(s) on %s%n",
        last.events().get(Topics.RECEIVED.name()), config.kafka().topic(Topics.RECEIVED).name());
    out.printf(
        "  parsed    %8d event(s) on %s%n",
        last.events().get(Topics.PARSED.name()), config.kafka().topic(Topics.PARSED).name());
    out.printf(
        "  assembled %8d Kamerstuk event(s) on %s, %d case event(s) on %s%n",
        last.events().get(Topics.KAMERSTUKKEN.name()),
        config.kafka().topic(Topics.KAMERSTUKKEN).name(),
        last.events().get(Topics.KAMERVRAGEN.name()),
        config.kafka().topic(Topics.KAMERVRAGEN).name());
    if (search.problem() == null && search.aliases().size() >= 2) {
      out.printf(
          "  indexed   %8d Kamerstuk(ken) in %s, %d Q&A in %s%s%n",
          Math.max(0, search.aliases().get(0).documents()),
          search.aliases().get(0).alias(),
          Math.max(0, search.aliases().get(1).documents()),
          search.aliases().get(1).alias(),
          search.aliases().size() > 2
              ? ", "
                  + Math.max(0, search.aliases().get(2).documents())
                  + " case(s) in "
                  + search.aliases().get(2).alias()
              : "");
    } else {
      out.printf("  indexed          ? (%s)%n", search.problem());
    }
    if (deadLetters == null) {
      out.println("  failed           ? (the dead-letter topic could not be read)");
    } else {
      int total = deadLetters.values().stream().mapToInt(c -> c[0]).sum();
      int open = deadLetters.values().stream().mapToInt(c -> c[1]).sum();
      out.printf(
          "  failed    %8d dead letter(s) on %s, %d not re-driven%n",
          total, config.kafka().topic(Topics.DEAD_LETTER).name(), open);
    }
    out.println();
  }

  private void lag(KafkaProgress.Snapshot first, KafkaProgress.Snapshot last, Duration window) {
    boolean watched = first != last;
    out.printf(
        "Consumer lag        waiting%s%n",
        watched ? "   finished in " + window.toMillis() / 1000.0 + " s" : "");
    for (Map.Entry<String, Long> lag : last.lag().entrySet()) {
      String service = lag.getKey();
      String progress =
          watched
              ? String.format(
                  "   %+d", last.committed().get(service) - first.committed().get(service))
              : "";
      out.printf("  %-16s %8d%s%n", service, lag.getValue(), progress);
    }
    out.println();
  }

  private void deadLetters(Map<String, int[]> deadLetters) {
    if (deadLetters == null || deadLetters.isEmpty()) {
      return;
    }
    out.println("Dead letters (./kamerstukken dlq list)      total   not re-driven");
    deadLetters.forEach(
        (reason, count) -> out.printf("  %-40s %6d %6d%n", reason, count[0], count[1]));
    out.println();
  }

  private void search(SearchStatus.Look search) {
    out.println("Search");
    if (search.problem() != null) {
      out.println("  " + search.problem());
    }
    int width = search.aliases().stream().mapToInt(a -> a.alias().length()).max().orElse(0);
    for (AliasStatus alias : search.aliases()) {
      if (alias.analysis() == null) {
        out.printf(
            "  %-" + width + "s  (does not exist yet: index-service creates it at start)%n",
            alias.alias());
      } else {
        out.printf(
            "  %-" + width + "s %8d document(s)   analysis %s%n",
            alias.alias(),
            alias.documents(),
            alias.analysisDescription());
      }
    }
    out.println();
  }

  private void services(List<ServiceHealth.Health> health) {
    out.println("Services");
    for (ServiceHealth.Health answer : health) {
      out.printf(
          "  %-16s %-12s %s%s%n",
          answer.service(),
          answer.state(),
          answer.url(),
          answer.detail().isEmpty() ? "" : "   " + answer.detail());
    }
    out.println();
  }

  private void verdict(KafkaProgress.Snapshot last, Verdict.Result verdict, boolean watched) {
    long waiting = last.lag().values().stream().mapToLong(Long::longValue).sum();
    if (verdict.stuck()) {
      out.println("STUCK");
      verdict.reasons().forEach(reason -> out.println("  " + reason));
    } else if (waiting > 0) {
      out.printf(
          "PROGRESSING: %d event(s) waiting%s%n",
          waiting, watched ? ", and moving" : " (not watched: --window 0s)");
    } else {
      out.println("OK: nothing waiting");
    }
  }
}
