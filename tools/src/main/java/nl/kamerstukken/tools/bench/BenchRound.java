package nl.kamerstukken.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.tools.bench.PeakRss.Cpu;

/**
 * One round of the benchmark: a fresh local stack and fresh services (their time to ready is the
 * readiness figure), the cold-start set dropped at once, then for each set size bare PDFBox and the
 * whole pipeline one right after the other (so a ratio compares runs of the same minute), our parse
 * stage and tika-app on the largest set, and the latency of documents dropped one at a time.
 */
final class BenchRound {

  private static final Duration TIMEOUT = Duration.ofMinutes(60);

  private final PrintWriter console;
  private final String label;
  private final ChildStages stages;
  private final RoundSets sets;
  private final Map<String, Integer> instances;
  private final Map<String, Map<String, Cpu>> cpu = new LinkedHashMap<>();
  private int dropped;

  BenchRound(
      PrintWriter console,
      int round,
      int rounds,
      ChildStages stages,
      RoundSets sets,
      Map<String, Integer> instances) {
    this.console = console;
    this.label = "round " + round + "/" + rounds + ": ";
    this.stages = stages;
    this.sets = sets;
    this.instances = Map.copyOf(instances);
  }

  /**
   * Runs the round on a fresh local stack ({@code kafka} and {@code elasticsearch}: external ones
   * instead, or null).
   */
  BenchReport.Round run(Path home, String kafka, String elasticsearch) throws Exception {
    progress("starting a fresh local stack and the services ...");
    Map<String, Cpu> before =
        Map.of(PipelineStage.SELF, PeakRss.cpu(ProcessHandle.current().pid()));
    try (StackProcess stack = StackProcess.start(sets.dir(), kafka, elasticsearch)) {
      try (PipelineStage pipeline =
          PipelineStage.start(BenchCommand.settings(home, stack, sets.dir()), stack, instances)) {
        cpu.put("start", PipelineStage.spent(before, pipeline.cpu()));
        List<StageResult> results = throughput(pipeline);
        List<Double> latencies = List.of();
        if (!sets.latency().files().isEmpty()) {
          progress(
              "latency: dropping %d documents one at a time ...", sets.latency().files().size());
          latencies = pipeline.latencies(sets.latency(), Duration.ofMinutes(2));
        }
        return new BenchReport.Round(
            results, pipeline.readiness(), latencies, pipeline.peakRss(), cpu);
      }
    }
  }

  /** The runs in the report's order: the largest set's, then the cold start, then the others. */
  private List<StageResult> throughput(PipelineStage pipeline) throws Exception {
    StageResult cold = null;
    if (!sets.cold().files().isEmpty()) {
      cold = pipeline(pipeline, sets.cold(), BenchReport.COLD, BenchReport.COLD_PART);
    }
    List<StageResult> results = new ArrayList<>();
    List<StageResult> smaller = new ArrayList<>();
    for (BenchSet set : sets.sized()) {
      int docs = set.files().size();
      progress("bare PDFBox, %d documents ...", docs);
      StageResult pdfbox = stages.pdfbox(set);
      StageResult whole = pipeline(pipeline, set, BenchReport.WHOLE, BenchReport.warmPart(docs));
      if (!results.isEmpty()) {
        smaller.addAll(List.of(pdfbox, whole));
        continue;
      }
      progress("parse stage, %d documents ...", docs);
      StageResult parse = stages.parseStage(set);
      progress("tika-app, %d documents ...", docs);
      results.addAll(List.of(pdfbox, stages.tikaApp(set, set.dir()), parse));
      if (cold != null) {
        results.add(cold);
      }
      results.add(whole);
    }
    results.addAll(smaller);
    return results;
  }

  /** Drops {@code set} at once; records the CPU each process spent on it as part {@code run}. */
  private StageResult pipeline(PipelineStage pipeline, BenchSet set, String name, String run)
      throws Exception {
    progress("%s: dropping %d documents at once ...", name, set.files().size());
    String how =
        dropped == 0
            ? "fresh JVMs on a fresh stack"
            : "warm (after " + dropped + " other documents)";
    Map<String, Cpu> before = pipeline.cpu();
    StageResult result = pipeline.throughput(set, name, how, TIMEOUT);
    cpu.put(run, PipelineStage.spent(before, pipeline.cpu()));
    dropped += set.files().size();
    return result;
  }

  private void progress(String format, Object... args) {
    BenchCommand.progress(console, label + format, args);
  }
}
