package nl.kamerstukken.tools.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.LocalStackConfig;
import nl.kamerstukken.tools.bench.PeakRss.Cpu;
import nl.kamerstukken.tools.score.ParseBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end benchmark: on the same unique copies of the corpus's text PDFs, bare PDFBox (the
 * floor), tika-app (a peer), our parse stage, and the whole pipeline (all dropped at once, until
 * searchable); then drop-to-searchable latency one document at a time, and the peak RSS of each
 * process.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "End-to-end benchmark against bare PDFBox and tika-app; writes target/bench/.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--docs",
      defaultValue = "1000",
      description = "Documents in the throughput set (default: ${DEFAULT-VALUE}).")
  int docs;

  @Option(
      names = "--warm-up-docs",
      defaultValue = "1000",
      description =
          "Other documents each stage (and the pipeline)"
              + " processes untimed first, so the JIT compiler has done most of its work, as in a long-running service;"
              + " the pipeline's run over them is reported as its cold start. 0 = cold only (default: ${DEFAULT-VALUE}).")
  int warmUpDocs;

  @Option(
      names = "--latency-docs",
      defaultValue = "50",
      description = "Documents dropped one at a time (default: ${DEFAULT-VALUE}).")
  int latencyDocs;

  @Option(
      names = "--corpus",
      defaultValue = "../shared/corpus",
      description = "Where the text PDFs are (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(names = "--kafka", description = "Use this Kafka instead of starting one.")
  String kafka;

  @Option(
      names = "--elasticsearch-url",
      description = "Use this Elasticsearch instead of starting one.")
  String elasticsearch;

  @Spec CommandSpec spec;

  private static final String COLD = "whole pipeline, cold start";
  private static final String WHOLE = "whole pipeline (drop -> searchable)";

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    Path home = PipelineSettings.locateHome();
    Path out = Files.createDirectories(home.resolve("target").resolve("bench"));
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    // Not a private temp dir: when run as root, Elasticsearch's unprivileged user must reach its
    // data.
    Path work = Files.createDirectories(out.resolve("run-" + stamp));
    List<Path> originals = ParseBenchmark.textPdfs(corpus);
    progress(
        console,
        "building %d unique documents from %d text PDFs in %s",
        docs,
        originals.size(),
        work);
    BenchSet set = BenchSet.build(originals, docs, "t", work.resolve("set"));
    BenchSet warmUp = BenchSet.build(originals, warmUpDocs, "w", work.resolve("warm-up-set"));
    BenchSet latencySet = BenchSet.build(originals, latencyDocs, "l", work.resolve("latency-set"));

    ChildStages stages =
        new ChildStages(work, home.resolve("tools/target/bench-tools/tika-app.jar"));
    progress(console, "bare PDFBox ...");
    StageResult pdfbox = stages.pdfbox(set, warmUp);
    progress(console, "tika-app ...");
    StageResult tika = stages.tikaApp(set, work.resolve("set"));
    progress(console, "parse stage ...");
    StageResult parse = stages.parseStage(set, warmUp);

    progress(console, "whole pipeline: starting the local stack and the services ...");
    try (LocalStack stack = LocalStack.start(stackConfig(work));
        PipelineStage pipeline = PipelineStage.start(settings(home, stack, work))) {
      List<StageResult> results = new ArrayList<>(List.of(pdfbox, tika, parse));
      Map<String, Map<String, Cpu>> runs = new LinkedHashMap<>();
      if (warmUpDocs > 0) {
        progress(
            console, "whole pipeline, cold start: dropping %d documents at once ...", warmUpDocs);
        Map<String, Cpu> before = pipeline.cpu();
        results.add(pipeline.throughput(warmUp, COLD, "fresh JVMs", Duration.ofMinutes(60)));
        runs.put("cold run", PipelineStage.spent(before, pipeline.cpu()));
      }
      progress(console, "whole pipeline: dropping %d documents at once ...", docs);
      Map<String, Cpu> before = pipeline.cpu();
      results.add(
          pipeline.throughput(
              set,
              WHOLE,
              warmUpDocs > 0 ? ChildStages.warmedBy(warmUp) : "fresh JVMs",
              Duration.ofMinutes(60)));
      runs.put("timed run", PipelineStage.spent(before, pipeline.cpu()));
      progress(console, "latency: dropping %d documents one at a time ...", latencyDocs);
      List<Double> latencies = pipeline.latencies(latencySet, Duration.ofMinutes(2));
      String report = report(results, latencies, pipeline.processFigures(runs));
      console.print(report);
      console.flush();
      Files.writeString(out.resolve("bench-" + stamp + ".txt"), report);
      Files.writeString(out.resolve("latest.txt"), report);
    }
    return 0;
  }

  private LocalStackConfig stackConfig(Path work) {
    LocalStackConfig config = LocalStackConfig.forTests(work.resolve("stack"));
    config = kafka == null ? config : config.withExternalKafka(kafka);
    return elasticsearch == null ? config : config.withExternalElasticsearch(elasticsearch);
  }

  private static PipelineSettings settings(Path home, LocalStack stack, Path work)
      throws Exception {
    String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    return new PipelineSettings(
        home,
        stack.kafkaBootstrapServers(),
        stack.elasticsearchUrl(),
        Files.createDirectories(work.resolve("inbox")),
        work.resolve("data"),
        namespace + ".",
        namespace + "-",
        work.resolve("logs"),
        Map.of(
            PipelineSettings.INGEST,
            freePort(),
            PipelineSettings.PARSE,
            freePort(),
            PipelineSettings.INDEX,
            freePort(),
            PipelineSettings.ASSEMBLE,
            freePort()));
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String report(
      List<StageResult> stages, List<Double> latencies, Map<String, String> processes) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.printf(
        Locale.ROOT,
        "kamerstukken bench, %s, %d cores%n%n",
        LocalDateTime.now().withNano(0),
        Runtime.getRuntime().availableProcessors());
    out.printf(
        Locale.ROOT,
        "%-34s %7s %8s %10s %10s %9s  %s%n",
        "stage",
        "docs",
        "seconds",
        "docs/s",
        "pages/s",
        "peak RSS",
        "how");
    stages.forEach(stage -> out.println(stage.row()));
    out.printf(
        Locale.ROOT,
        "%ndrop-to-searchable latency over %d documents dropped one at a time: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
        latencies.size(),
        PipelineStage.percentile(latencies, 50),
        PipelineStage.percentile(latencies, 95),
        PipelineStage.percentile(latencies, 100));
    out.println(
        "per process: peak RSS, CPU over the whole benchmark, CPU in each pipeline run (of it, JIT compiler threads):");
    processes.forEach((name, figure) -> out.printf(Locale.ROOT, "  %-34s %s%n", name, figure));
    StageResult pdfbox = stages.get(0);
    StageResult tika = stages.get(1);
    StageResult parse = stages.get(2);
    StageResult whole = stages.get(stages.size() - 1);
    out.printf(
        Locale.ROOT,
        "%nparse stage / pdfbox throughput ratio: %.2f%n",
        parse.docsPerSecond() / pdfbox.docsPerSecond());
    out.printf(
        Locale.ROOT,
        "parse stage / tika-app throughput ratio: %.2f%n",
        parse.docsPerSecond() / tika.docsPerSecond());
    stages.stream()
        .filter(stage -> stage.name().equals(COLD))
        .findFirst()
        .ifPresent(
            cold ->
                out.printf(
                    Locale.ROOT,
                    "cold-start pipeline/pdfbox throughput ratio: %.2f%n",
                    cold.docsPerSecond() / pdfbox.docsPerSecond()));
    out.printf(
        Locale.ROOT,
        "pipeline/pdfbox throughput ratio: %.2f%n",
        whole.docsPerSecond() / pdfbox.docsPerSecond());
    out.flush();
    return text.toString();
  }

  private static void progress(PrintWriter console, String format, Object... args) {
    console.printf(Locale.ROOT, "bench: " + format + "%n", args);
    console.flush();
  }
}
