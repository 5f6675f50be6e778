package nl.kamerstukken.tools.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import nl.kamerstukken.tools.bench.PeakRss.Cpu;

/**
 * The benchmark's report: every figure is the median over the rounds, with each round's value
 * beside it ({@link Rounds}). A ratio is taken within each round first (the runs it compares ran
 * one after the other), then its median.
 */
final class BenchReport {

  static final String COLD = "whole pipeline, cold start";
  static final String WHOLE = "whole pipeline (drop -> searchable)";

  /** The part of a round whose CPU the cold start spent ({@link Round#cpu()}). */
  static final String COLD_PART = "cold";

  /**
   * A round's start, counted as {@code up} counts its "ready in": from the start of the main of the
   * JVM that runs the stack (the launcher's under {@code up}). The services that need only Kafka
   * start when it answers, index-service when Elasticsearch does.
   *
   * @param kafkaSeconds until Kafka answered
   * @param elasticsearchSeconds until Elasticsearch answered
   * @param readySeconds until every service reported ready
   */
  record Readiness(double kafkaSeconds, double elasticsearchSeconds, double readySeconds) {}

  /**
   * What one round measured.
   *
   * @param stages each run, in the order of the report's table
   * @param readiness how long the stack and the services took to answer
   * @param latencies drop-to-searchable latency of each document dropped alone, ms
   * @param peakRss peak RSS (MB) of each process of the pipeline at the end of the round
   * @param cpu for each part of the round ("start", "cold", ...), the CPU each process spent
   */
  record Round(
      List<StageResult> stages,
      Readiness readiness,
      List<Double> latencies,
      Map<String, Long> peakRss,
      Map<String, Map<String, Cpu>> cpu) {

    Round {
      stages = List.copyOf(stages);
      latencies = List.copyOf(latencies);
      peakRss = new LinkedHashMap<>(peakRss);
      cpu = new LinkedHashMap<>(cpu);
    }

    /** The run of stage {@code name} (or a name starting with it) over {@code docs} documents. */
    StageResult stage(String name, int docs) {
      return stages.stream()
          .filter(s -> s.name().startsWith(name) && s.documents() == docs)
          .findFirst()
          .orElse(null);
    }
  }

  private BenchReport() {}

  /** The part of a round whose CPU the warm run of {@code documents} spent. */
  static String warmPart(int documents) {
    return documents + " docs";
  }

  static String report(List<Round> rounds) {
    return report(rounds, Runtime.getRuntime().availableProcessors());
  }

  /** The report of a bench that ran on {@code cores} cores. */
  static String report(List<Round> rounds, int cores) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.printf(
        Locale.ROOT,
        "kamerstukken bench, %s, %d cores, %d round(s): each figure is the median,"
            + " then each round's value in brackets%n%n",
        LocalDateTime.now().withNano(0),
        cores,
        rounds.size());
    stageTable(out, rounds);
    readiness(out, rounds);
    latency(out, rounds);
    processes(out, rounds);
    CpuCeiling.print(out, rounds, cores);
    ratios(out, rounds);
    out.flush();
    return text.toString();
  }

  private static void stageTable(PrintWriter out, List<Round> rounds) {
    out.printf(
        Locale.ROOT,
        "%-36s %6s %-30s %8s %9s  %s%n",
        "stage",
        "docs",
        "docs/s",
        "pages/s",
        "peak RSS",
        "how");
    Map<String, StageResult> rows = new LinkedHashMap<>();
    rounds.forEach(
        r -> r.stages().forEach(s -> rows.putIfAbsent(s.name() + "/" + s.documents(), s)));
    for (StageResult row : rows.values()) {
      List<StageResult> runs =
          rounds.stream()
              .map(r -> r.stage(row.name(), row.documents()))
              .filter(Objects::nonNull)
              .toList();
      out.printf(
          Locale.ROOT,
          "%-36s %6d %-30s %8.1f %9s  %s%n",
          row.name(),
          row.documents(),
          of(runs, StageResult::docsPerSecond).format("%.1f"),
          of(runs, StageResult::pagesPerSecond).median(),
          row.peakRssMb() < 0
              ? "-"
              : String.format(Locale.ROOT, "%.0f MB", of(runs, s -> s.peakRssMb()).median()),
          row.note());
    }
  }

  private static void readiness(PrintWriter out, List<Round> rounds) {
    out.printf(
        Locale.ROOT,
        "%nready (as `up` counts it, from its own JVM's main until every service answers): %s;"
            + " Kafka answered after %s, Elasticsearch after %s%n",
        of(rounds, r -> r.readiness().readySeconds()).format("%.1f", "s"),
        of(rounds, r -> r.readiness().kafkaSeconds()).format("%.1f", "s"),
        of(rounds, r -> r.readiness().elasticsearchSeconds()).format("%.1f", "s"));
  }

  private static void latency(PrintWriter out, List<Round> rounds) {
    if (rounds.get(0).latencies().isEmpty()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "drop-to-searchable latency, %d documents dropped one at a time per round:"
            + " p50 %s, p95 %s, max %s%n",
        rounds.get(0).latencies().size(),
        of(rounds, r -> PipelineStage.percentile(r.latencies(), 50)).format("%.0f", "ms"),
        of(rounds, r -> PipelineStage.percentile(r.latencies(), 95)).format("%.0f", "ms"),
        of(rounds, r -> PipelineStage.percentile(r.latencies(), 100)).format("%.0f", "ms"));
  }

  /** Peak RSS per process with its rounds; CPU per part of a round as medians only (width). */
  private static void processes(PrintWriter out, List<Round> rounds) {
    out.println(
        "per process: peak RSS; CPU in each part of a round, median over the rounds"
            + " (of it, JIT compiler threads; start = until ready):");
    Set<String> names = new LinkedHashSet<>();
    rounds.forEach(r -> names.addAll(r.peakRss().keySet()));
    for (String name : names) {
      List<Round> present = rounds.stream().filter(r -> r.peakRss().containsKey(name)).toList();
      out.printf(
          Locale.ROOT,
          "  %-34s peak RSS %s; CPU %s%n",
          name,
          of(present, r -> r.peakRss().get(name)).format("%.0f", "MB"),
          cpu(present, spent -> spent.get(name)));
    }
    out.printf(
        Locale.ROOT,
        "  %-34s CPU %s%n",
        "all processes",
        cpu(rounds, spent -> Cpu.sum(spent.values())));
  }

  /** "RUN X s (JIT Y s), ..." for each part of a round, medians of what {@code pick} selects. */
  private static String cpu(List<Round> rounds, Function<Map<String, Cpu>, Cpu> pick) {
    StringBuilder text = new StringBuilder();
    Set<String> runs = new LinkedHashSet<>();
    rounds.forEach(r -> runs.addAll(r.cpu().keySet()));
    for (String run : runs) {
      List<Cpu> spent =
          rounds.stream()
              .map(r -> r.cpu().get(run))
              .filter(Objects::nonNull)
              .map(pick)
              .filter(Objects::nonNull)
              .toList();
      if (!spent.isEmpty()) {
        text.append(
            String.format(
                Locale.ROOT,
                "%s%s %.1f s (JIT %.1f s)",
                text.isEmpty() ? "" : ", ",
                run,
                of(spent, Cpu::total).median(),
                of(spent, Cpu::jit).median()));
      }
    }
    return text.toString();
  }

  private static void ratios(PrintWriter out, List<Round> rounds) {
    out.println();
    int main = PipelineRun.mainDocuments(rounds);
    ratio(
        out,
        rounds,
        "parse stage / pdfbox throughput ratio",
        ChildStages.PARSE,
        ChildStages.PDFBOX,
        main);
    ratio(
        out,
        rounds,
        "parse stage / tika-app throughput ratio",
        ChildStages.PARSE,
        ChildStages.TIKA,
        main);
    for (PipelineRun run : PipelineRun.of(rounds)) {
      line(
          out,
          run.cold()
              ? "cold-start pipeline/pdfbox throughput ratio"
              : "pipeline/pdfbox throughput ratio (" + run.documents() + " docs)",
          ratios(rounds, run::ratioToPdfbox));
    }
  }

  private static void ratio(
      PrintWriter out, List<Round> rounds, String label, String over, String under, int docs) {
    line(
        out,
        label + " (" + docs + " docs)",
        ratios(rounds, r -> ratio(r.stage(over, docs), r.stage(under, docs))));
  }

  private static void line(PrintWriter out, String label, List<Double> values) {
    if (!values.isEmpty()) {
      out.printf(Locale.ROOT, "%s: %s%n", label, new Rounds(values).format("%.2f"));
    }
  }

  private static List<Double> ratios(List<Round> rounds, Function<Round, Double> ratio) {
    return rounds.stream().map(ratio).filter(Objects::nonNull).toList();
  }

  /** {@code over}'s throughput over {@code under}'s, or null if either did not run. */
  static Double ratio(StageResult over, StageResult under) {
    return over == null || under == null ? null : over.docsPerSecond() / under.docsPerSecond();
  }

  private static <T> Rounds of(List<T> items, ToDoubleFunction<T> value) {
    return new Rounds(items.stream().map(item -> value.applyAsDouble(item)).toList());
  }
}
