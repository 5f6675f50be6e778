package nl.kamerstukken.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import nl.kamerstukken.tools.score.ParseBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end benchmark, in rounds (see {@link BenchRound}): each round starts a fresh local
 * stack and fresh services, drops its cold-start set, then measures bare PDFBox (the floor) and the
 * whole pipeline (all dropped at once, until searchable) one right after the other for {@code
 * --docs} and for {@value #SMALL} documents, our parse stage and tika-app (a peer), and
 * drop-to-searchable latency one document at a time. Every set is its own unique copies. Bare
 * PDFBox and the parse stage run in JVMs that warm up once and stay up through all rounds. The
 * report ({@link BenchReport}) gives each figure as the median over the rounds.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "End-to-end benchmark against bare PDFBox and tika-app; writes target/bench/.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--docs",
      defaultValue = "1000",
      description =
          "Documents in the main throughput set; when larger than "
              + SMALL
              + ", a set of "
              + SMALL
              + " is measured too (default: ${DEFAULT-VALUE}).")
  int docs;

  @Option(
      names = "--warm-up-docs",
      defaultValue = "1000",
      description =
          "Documents bare PDFBox and the parse stage process untimed once, before all rounds, so"
              + " the JIT compiler has done most of its work, as in a long-running service; and"
              + " (other copies) the pipeline's first set in each round, reported as its cold"
              + " start. 0 = everything cold (default: ${DEFAULT-VALUE}).")
  int warmUpDocs;

  @Option(
      names = "--latency-docs",
      defaultValue = "50",
      description = "Documents dropped one at a time, in each round (default: ${DEFAULT-VALUE}).")
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

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "Rounds, each on a fresh local stack and fresh services; every figure is the median"
              + " over them (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--instances",
      split = ",",
      paramLabel = "SERVICE=N",
      description =
          "Run N instances of a consuming service (parse-service, assemble-service,"
              + " index-service), e.g. parse-service=2,index-service=2: the others join the first's"
              + " consumer group, as a scaled-out deployment would (default: one of each).")
  Map<String, Integer> instances = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  /** The services that may run more than once: ingest-service is the inbox's only reader. */
  static final List<String> SCALABLE =
      List.of(PipelineSettings.PARSE, PipelineSettings.ASSEMBLE, PipelineSettings.INDEX);

  /** Most instances of one service: more than the topics' partitions would sit idle. */
  static final int MAX_INSTANCES = 3;

  /** The second set size: small batches pay fixed costs a large one hides. */
  static final int SMALL = 200;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1 || docs < 1 || warmUpDocs < 0 || latencyDocs < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--rounds and --docs must be at least 1, --warm-up-docs and --latency-docs at least 0");
    }
    instances.forEach(
        (service, count) -> {
          if (!SCALABLE.contains(service) || count < 1 || count > MAX_INSTANCES) {
            throw new picocli.CommandLine.ParameterException(
                spec.commandLine(),
                "--instances takes SERVICE=N with SERVICE one of "
                    + SCALABLE
                    + " and N from 1 to "
                    + MAX_INSTANCES
                    + ", not "
                    + service
                    + "="
                    + count);
          }
        });
    PrintWriter console = spec.commandLine().getOut();
    Path home = PipelineSettings.locateHome();
    Path out = Files.createDirectories(home.resolve("target").resolve("bench"));
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    // Not a private temp dir: when run as root, Elasticsearch's unprivileged user must reach its
    // data.
    Path work = Files.createDirectories(out.resolve("run-" + stamp));
    List<Path> originals = ParseBenchmark.textPdfs(corpus);
    RoundSets first = RoundSets.build(originals, 1, warmUpDocs, sizes(), latencyDocs, work);
    progress(
        console,
        "%d round(s) of %s documents (cold start: %d) from %d text PDFs in %s; warming up"
            + " bare PDFBox and the parse stage on %d documents ...",
        rounds,
        sizes(),
        warmUpDocs,
        originals.size(),
        work,
        warmUpDocs);
    List<BenchReport.Round> results = new ArrayList<>();
    // The stage JVMs warm up once, on round 1's cold-start set (they only read it), and then
    // measure between the pipeline's runs.
    try (ChildStages stages =
        ChildStages.start(
            work, home.resolve("tools/target/bench-tools/tika-app.jar"), first.cold())) {
      for (int round = 1; round <= rounds; round++) {
        RoundSets sets =
            round == 1
                ? first
                : RoundSets.build(originals, round, warmUpDocs, sizes(), latencyDocs, work);
        results.add(
            new BenchRound(console, round, rounds, stages, sets, instances)
                .run(home, kafka, elasticsearch));
      }
    }
    String report = instancesLine() + BenchReport.report(results);
    console.print(report);
    console.flush();
    Files.writeString(out.resolve("bench-" + stamp + ".txt"), report);
    Files.writeString(out.resolve("latest.txt"), report);
    return 0;
  }

  /** Says which services ran more than once; empty with one of each. */
  private String instancesLine() {
    List<String> more = new ArrayList<>();
    instances.forEach(
        (service, count) -> {
          if (count > 1) {
            more.add(service + " x" + count);
          }
        });
    return more.isEmpty()
        ? ""
        : "instances: " + String.join(", ", more) + " (one consumer group per service)\n";
  }

  /** {@code --docs}, and {@value #SMALL} after it when {@code --docs} is larger. */
  List<Integer> sizes() {
    return docs > SMALL ? List.of(docs, SMALL) : List.of(docs);
  }

  static PipelineSettings settings(Path home, StackProcess stack, Path work) throws Exception {
    String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    return new PipelineSettings(
        home,
        stack.kafkaBootstrap(),
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

  static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void progress(PrintWriter console, String format, Object... args) {
    console.printf(Locale.ROOT, "bench: " + format + "%n", args);
    console.flush();
  }
}
