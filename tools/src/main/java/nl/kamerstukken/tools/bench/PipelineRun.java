package nl.kamerstukken.tools.bench;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.tools.bench.BenchReport.Round;

/**
 * A run of the whole pipeline in the benchmark's rounds: its row of the table, the bare PDFBox run
 * it is set against, and the part of the round whose CPU it spent ({@link Round#cpu()}).
 */
record PipelineRun(String stage, int documents, int pdfboxDocuments, String cpuPart) {

  /**
   * The cold start (set against the first warm run's PDFBox run: both ran on {@code --docs}
   * documents), then each warm run against its own, in the order they ran (the first round's).
   */
  static List<PipelineRun> of(List<Round> rounds) {
    int main = mainDocuments(rounds);
    List<PipelineRun> runs = new ArrayList<>();
    for (StageResult stage : rounds.get(0).stages()) {
      int docs = stage.documents();
      if (stage.name().equals(BenchReport.COLD)) {
        runs.add(new PipelineRun(BenchReport.COLD, docs, main, BenchReport.COLD_PART));
      } else if (stage.name().equals(BenchReport.WHOLE)) {
        runs.add(new PipelineRun(BenchReport.WHOLE, docs, docs, BenchReport.warmPart(docs)));
      }
    }
    return runs;
  }

  /** The first warm run's size ({@code --docs}), or -1 without one. */
  static int mainDocuments(List<Round> rounds) {
    return rounds.get(0).stages().stream()
        .filter(s -> s.name().equals(BenchReport.WHOLE))
        .mapToInt(StageResult::documents)
        .findFirst()
        .orElse(-1);
  }

  /** Whether this is the cold start rather than a warm run. */
  boolean cold() {
    return stage.equals(BenchReport.COLD);
  }

  /** Its throughput over bare PDFBox's in {@code round}, or null if either did not run. */
  Double ratioToPdfbox(Round round) {
    return BenchReport.ratio(
        round.stage(stage, documents), round.stage(ChildStages.PDFBOX, pdfboxDocuments));
  }
}
