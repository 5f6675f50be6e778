package nl.kamerstukken.tools.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.kamerstukken.tools.bench.BenchReport.Round;
import nl.kamerstukken.tools.bench.PeakRss.Cpu;

/**
 * What the CPU allowed each run of the whole pipeline. Every process of the local pipeline (the
 * services, the parse workers, the Kafka broker, Elasticsearch and the bench itself) runs on the
 * same cores, so a run's throughput is at most {@code cores / CPU-seconds per document over all
 * processes}. Beside the measured ratio this says whether a run was limited by CPU (measured near
 * its ceiling) or by waiting (well below it); and a target ratio {@code r} against bare PDFBox at
 * {@code P} docs/s asks for at most {@code cores / (r * P)} CPU-seconds per document.
 */
final class CpuCeiling {

  private CpuCeiling() {}

  /**
   * Prints a line per run of the whole pipeline that has its CPU measured in some round; nothing
   * when none has.
   */
  static void print(PrintWriter out, List<Round> rounds, int cores) {
    List<String> lines = new ArrayList<>();
    for (PipelineRun run : PipelineRun.of(rounds)) {
      List<Double> msPerDocument = new ArrayList<>();
      List<Double> ceilingRatio = new ArrayList<>();
      for (Round round : rounds) {
        StageResult pdfbox = round.stage(ChildStages.PDFBOX, run.pdfboxDocuments());
        Map<String, Cpu> spent = round.cpu().get(run.cpuPart());
        if (round.stage(run.stage(), run.documents()) == null
            || pdfbox == null
            || spent == null
            || spent.isEmpty()) {
          continue;
        }
        double ms = Cpu.sum(spent.values()).total() * 1000 / run.documents();
        msPerDocument.add(ms);
        ceilingRatio.add(cores * 1000 / ms / pdfbox.docsPerSecond());
      }
      if (!msPerDocument.isEmpty()) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  %s (%d docs): %s CPU per document, so a ratio of at most %s",
                run.stage(),
                run.documents(),
                new Rounds(msPerDocument).format("%.1f", "ms"),
                new Rounds(ceilingRatio).format("%.2f")));
      }
    }
    if (!lines.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%nwhat the CPU allowed: %d cores shared by all processes, so at most cores / (CPU per"
              + " document) docs/s; a measured ratio near its ceiling was limited by CPU:%n",
          cores);
      lines.forEach(out::println);
    }
  }
}
