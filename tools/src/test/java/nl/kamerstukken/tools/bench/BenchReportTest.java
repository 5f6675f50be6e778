package nl.kamerstukken.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.tools.bench.BenchReport.Readiness;
import nl.kamerstukken.tools.bench.BenchReport.Round;
import nl.kamerstukken.tools.bench.PeakRss.Cpu;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  private static final String TIKA = "tika-app 3.0.0 batch (-t)";

  /** A round in which PDFBox does 40 docs/s on both sizes; the pipeline's times vary. */
  private static Round round(double coldSeconds, double wholeSeconds, double smallSeconds) {
    return round(coldSeconds, wholeSeconds, smallSeconds, new Readiness(3, 18, 21));
  }

  private static Round round(
      double coldSeconds, double wholeSeconds, double smallSeconds, Readiness readiness) {
    return round(
        coldSeconds,
        wholeSeconds,
        smallSeconds,
        readiness,
        Map.of("cold", Map.of("index-service", new Cpu(10, 4))));
  }

  private static Round round(
      double coldSeconds,
      double wholeSeconds,
      double smallSeconds,
      Readiness readiness,
      Map<String, Map<String, Cpu>> cpu) {
    return new Round(
        List.of(
            new StageResult(ChildStages.PDFBOX, 1000, 5000, 25, 370, ""),
            new StageResult(TIKA, 1000, 5000, 50, 1000, ""),
            new StageResult(ChildStages.PARSE, 1000, 5000, 20, 400, ""),
            new StageResult(BenchReport.COLD, 1000, 5000, coldSeconds, 450, ""),
            new StageResult(BenchReport.WHOLE, 1000, 5000, wholeSeconds, 480, ""),
            new StageResult(ChildStages.PDFBOX, 200, 1000, 5, 370, ""),
            new StageResult(BenchReport.WHOLE, 200, 1000, smallSeconds, 480, "")),
        readiness,
        List.of(900.0, 1000.0, 1100.0),
        Map.of("index-service", 170L),
        cpu);
  }

  /** A round whose cold start and warm 1000 documents took this CPU in two processes. */
  private static Round roundWithCpu(
      double coldIndex, double coldWorker, double index, double worker) {
    return round(
        100,
        40,
        10,
        new Readiness(3, 18, 21),
        Map.of(
            BenchReport.COLD_PART,
            Map.of("index-service", new Cpu(coldIndex, 1), "worker 1", new Cpu(coldWorker, 2)),
            BenchReport.warmPart(1000),
            Map.of("index-service", new Cpu(index, 1), "worker 1", new Cpu(worker, 2))));
  }

  @Test
  void theCpuCeilingIsTheCoresOverTheCpuPerDocumentOfAllProcessesAgainstPdfbox() {
    // PDFBox does 40 docs/s. Round 1: cold 100 ms per document, so 2 cores allow 20 docs/s (0.50);
    // warm 50 ms, 40 docs/s (1.00). Round 2: 120 ms (0.42) and 62.5 ms (0.80).
    String report =
        BenchReport.report(
            List.of(roundWithCpu(30, 70, 10, 40), roundWithCpu(40, 80, 12.5, 50)), 2);

    assertThat(report)
        .contains("what the CPU allowed: 2 cores shared by all processes")
        .contains(
            "  whole pipeline, cold start (1000 docs): 110.0 ms (100.0 / 120.0) CPU per document,"
                + " so a ratio of at most 0.46 (0.50 / 0.42)")
        .contains(
            "  whole pipeline (drop -> searchable) (1000 docs): 56.3 ms (50.0 / 62.5) CPU per"
                + " document, so a ratio of at most 0.90 (1.00 / 0.80)")
        .doesNotContainPattern("\\(200 docs\\): [0-9.]+ ms");
  }

  @Test
  void theCpuCeilingGrowsWithTheCores() {
    String report = BenchReport.report(List.of(roundWithCpu(30, 70, 10, 40)), 4);

    assertThat(report)
        .contains("what the CPU allowed: 4 cores")
        .contains("cold start (1000 docs): 100.0 ms CPU per document, so a ratio of at most 1.00")
        .contains("searchable) (1000 docs): 50.0 ms CPU per document, so a ratio of at most 2.00");
  }

  @Test
  void eachRatioIsTheMedianOfTheRoundsRatiosWithTheRoundsBesideIt() {
    String report =
        BenchReport.report(List.of(round(100, 40, 10), round(80, 50, 8), round(125, 25, 20)));

    assertThat(report)
        .contains("cold-start pipeline/pdfbox throughput ratio: 0.25 (0.25 / 0.31 / 0.20)")
        .contains("pipeline/pdfbox throughput ratio (1000 docs): 0.63 (0.63 / 0.50 / 1.00)")
        .contains("pipeline/pdfbox throughput ratio (200 docs): 0.50 (0.50 / 0.63 / 0.25)")
        .contains("parse stage / pdfbox throughput ratio (1000 docs): 1.25 (1.25 / 1.25 / 1.25)")
        .contains("parse stage / tika-app throughput ratio (1000 docs): 2.50 (2.50 / 2.50 / 2.50)")
        .contains("p50 1000 ms (1000 / 1000 / 1000), p95 1100 ms (1100 / 1100 / 1100)")
        .contains("every service answers): 21.0 s (21.0 / 21.0 / 21.0)")
        .contains("peak RSS 170 MB (170 / 170 / 170); CPU cold 10.0 s (JIT 4.0 s)");
    List<String> lines = report.lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .startsWith("pipeline/pdfbox throughput ratio (200 docs)");
  }

  @Test
  void theTableGivesEachStageAndSizeOnceWithTheMedianAndTheRounds() {
    String report = BenchReport.report(List.of(round(100, 40, 10), round(80, 50, 8)));

    assertThat(report.lines().filter(l -> l.startsWith(BenchReport.WHOLE))).hasSize(2);
    assertThat(report)
        .containsPattern("whole pipeline, cold start +1000 11\\.3 \\(10\\.0 / 12\\.5\\)")
        .containsPattern("bare PDFBox PDFTextStripper +200 40\\.0 \\(40\\.0 / 40\\.0\\)");
  }

  @Test
  void readinessIsTheMedianOfTheRoundsWithWhenKafkaAndElasticsearchAnswered() {
    String report =
        BenchReport.report(
            List.of(
                round(100, 40, 10, new Readiness(3.0, 18.0, 21.0)),
                round(100, 40, 10, new Readiness(4.0, 16.0, 19.5)),
                round(100, 40, 10, new Readiness(3.5, 17.0, 25.0))));

    assertThat(report)
        .contains(
            "until every service answers): 21.0 s (21.0 / 19.5 / 25.0);"
                + " Kafka answered after 3.5 s (3.0 / 4.0 / 3.5),"
                + " Elasticsearch after 17.0 s (18.0 / 16.0 / 17.0)");
  }

  @Test
  void withOneRoundAndNoColdStartEachFigureIsJustItsValue() {
    Round only =
        new Round(
            List.of(
                new StageResult(ChildStages.PDFBOX, 100, 500, 2.5, 370, ""),
                new StageResult(TIKA, 100, 500, 5, 1000, ""),
                new StageResult(ChildStages.PARSE, 100, 500, 2, 400, ""),
                new StageResult(BenchReport.WHOLE, 100, 500, 10, 450, "")),
            new Readiness(3, 18, 21),
            List.of(1000.0),
            new LinkedHashMap<>(),
            new LinkedHashMap<>());

    String report = BenchReport.report(List.of(only));

    assertThat(report)
        .doesNotContain("cold-start")
        .doesNotContain("200 docs")
        .endsWith("pipeline/pdfbox throughput ratio (100 docs): 0.25\n");
  }

  @Test
  void cpuSpentLeavesOutAProcessThatEndedAndCountsANewOneFromZero() {
    Map<String, Cpu> before = Map.of("index-service", new Cpu(10, 4), "worker 1", new Cpu(30, 20));
    Map<String, Cpu> after = new LinkedHashMap<>();
    after.put("index-service", new Cpu(15, 5));
    after.put("worker 1", Cpu.UNKNOWN);
    after.put("worker 2", new Cpu(7, 3));

    Map<String, Cpu> spent = PipelineStage.spent(before, after);

    assertThat(spent).containsOnlyKeys("index-service", "worker 2");
    assertThat(spent.get("index-service")).isEqualTo(new Cpu(5, 1));
    assertThat(spent.get("worker 2")).isEqualTo(new Cpu(7, 3));
  }
}
