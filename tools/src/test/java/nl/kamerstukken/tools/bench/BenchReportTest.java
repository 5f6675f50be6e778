package nl.kamerstukken.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.tools.bench.PeakRss.Cpu;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  private static final StageResult PDFBOX =
      new StageResult("bare PDFBox PDFTextStripper", 1000, 5000, 25, 370, "");
  private static final StageResult TIKA = new StageResult("tika-app", 1000, 5000, 50, 1000, "");
  private static final StageResult PARSE = new StageResult("parse stage", 1000, 5000, 20, 400, "");

  @Test
  void theLastLineIsThePipelineRatioOfTheLastPipelineRunAndTheColdStartIsReportedApart() {
    StageResult cold = new StageResult("whole pipeline, cold start", 1000, 5000, 100, 450, "");
    StageResult warm =
        new StageResult("whole pipeline (drop -> searchable)", 1000, 5000, 40, 480, "");

    String report =
        BenchCommand.report(
            List.of(PDFBOX, TIKA, PARSE, cold, warm), List.of(900.0, 1000.0, 1100.0), Map.of());

    List<String> lines = report.lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("pipeline/pdfbox throughput ratio: 0.63");
    assertThat(report)
        .contains("cold-start pipeline/pdfbox throughput ratio: 0.25")
        .contains("parse stage / pdfbox throughput ratio: 1.25")
        .contains("parse stage / tika-app throughput ratio: 2.50")
        .contains("p50 1000 ms, p95 1100 ms, max 1100 ms");
  }

  @Test
  void withoutAWarmUpThereIsNoColdStartLine() {
    StageResult only =
        new StageResult("whole pipeline (drop -> searchable)", 1000, 5000, 100, 450, "");

    String report =
        BenchCommand.report(
            List.of(PDFBOX, TIKA, PARSE, only), List.of(1000.0), new LinkedHashMap<>());

    assertThat(report)
        .doesNotContain("cold-start")
        .endsWith("pipeline/pdfbox throughput ratio: 0.25\n");
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
