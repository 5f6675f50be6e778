package nl.kamerstukken.cli.up;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import nl.kamerstukken.cli.s3.S3Target;
import nl.kamerstukken.cli.s3.S3TargetFile;
import nl.kamerstukken.cli.sources.KnownSourcesReport;
import nl.kamerstukken.ingest.api.SourceId;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.LocalStackConfig;
import nl.kamerstukken.localstack.host.PortHolder;
import nl.kamerstukken.localstack.s3.S3Endpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the local stack (unless existing Kafka/Elasticsearch are named) and the four services,
 * watches the inbox, and runs until Ctrl-C, then stops everything it started.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole pipeline locally: Kafka, Elasticsearch and the four services; watch a folder.")
public final class UpCommand implements Callable<Integer> {

  @Option(
      names = "--inbox",
      defaultValue = "inbox",
      description = "Folder to watch (default: ${DEFAULT-VALUE}).")
  Path inbox;

  @Option(
      names = "--data-dir",
      defaultValue = ".kamerstukken",
      description = "Where Kafka, Elasticsearch, blobs and state live (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--kafka",
      description = "Use this existing Kafka (host:port) instead of starting one.")
  String externalKafka;

  @Option(
      names = "--elasticsearch-url",
      description = "Use this existing Elasticsearch instead of starting one.")
  String externalElasticsearch;

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      description = "Port of the started Kafka (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--elasticsearch-port",
      defaultValue = "9200",
      description = "HTTP port of the started Elasticsearch (default: ${DEFAULT-VALUE}).")
  int elasticsearchPort;

  @Option(
      names = "--http-ports",
      defaultValue = "8081,8082,8083,8084",
      split = ",",
      description =
          "Ports of /health and /metrics of ingest, parse, index and assemble (default:"
              + " ${DEFAULT-VALUE}).")
  int[] httpPorts;

  @Option(
      names = "--s3",
      description =
          "Watch an S3 bucket instead of a folder: starts a local S3 server (S3Proxy) with the buckets "
              + S3Target.INBOX_BUCKET
              + " (watched) and "
              + S3Target.BLOB_BUCKET
              + " (blobs).")
  boolean s3;

  @Option(
      names = "--follow",
      paramLabel = "FEED",
      description =
          "Follow a publication feed instead of watching a folder: koop (the official publications'"
              + " SRU interface; INGEST_KOOP_* variables of this shell configure it).")
  String follow;

  @Option(
      names = "--namespace",
      hidden = true,
      defaultValue = "",
      description =
          "Prefix of topics, consumer groups and aliases, for a second pipeline on a shared Kafka and"
              + " Elasticsearch (tests).")
  String namespace;

  @Spec CommandSpec spec;

  /** The S3Proxy buckets of an S3 inbox ({@code --s3}), once made. */
  private S3Target bucket;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (follow != null && (!follow.equals("koop") || s3)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          s3
              ? "--follow and --s3 are two sources: choose one"
              : "--follow " + follow + " is not a known feed: use --follow koop");
    }
    long started = System.nanoTime();
    Files.createDirectories(inbox);
    Path data = Files.createDirectories(dataDir).toAbsolutePath();
    RunLock run;
    try {
      run = RunLock.acquire(data, out);
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("kamerstukken: " + e.getMessage());
      return 1;
    }
    String busy = portsInUse();
    if (busy != null) {
      run.close();
      spec.commandLine().getErr().println(busy);
      return 1;
    }
    out.println("kamerstukken: starting " + describeInfrastructure() + " ...");
    out.flush();
    // The services that need only Kafka start as soon as it answers, while Elasticsearch (the
    // slowest part) is still starting; index-service follows when Elasticsearch is up. With an S3
    // inbox every service needs the buckets, so all wait for the whole stack.
    Map<String, String> extra = following() ? Map.of("INGEST_SOURCE", "koop") : Map.of();
    AtomicReference<Pipeline> early = new AtomicReference<>();
    LocalStack stack;
    try {
      stack =
          LocalStack.start(
              stackConfig(data),
              withKafka -> {
                if (!s3) {
                  Pipeline pipeline = Pipeline.create(pipelineSettings(withKafka, data), extra);
                  early.set(pipeline);
                  pipeline.startServices(Pipeline.KAFKA_ONLY);
                }
              });
    } catch (RuntimeException e) {
      Optional.ofNullable(early.get()).ifPresent(Pipeline::close);
      run.close();
      throw e;
    }
    Pipeline pipeline;
    try {
      pipeline = startTheRest(stack, data, early.get());
    } catch (Exception e) {
      stack.close();
      run.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  out.println("kamerstukken: stopping ...");
                  out.flush();
                  pipeline.close();
                  stack.close();
                  closeQuietly(run, data);
                  stopped.countDown();
                },
                "kamerstukken-up-shutdown"));
    // This hook stops the services first and the stack after them, so services stop while Kafka
    // and Elasticsearch still answer: the stack's own exit hooks would run alongside.
    stack.stopOnlyWhenClosed();
    printWhereEverythingIs(out, stack, pipeline, Duration.ofNanos(System.nanoTime() - started));
    if (bucket != null) {
      printHowToUpload(out, bucket);
    }
    run.record();
    return new Watch(pipeline, run, data, out).until(stopped, stopping);
  }

  /**
   * Starts what did not start with Kafka ({@code early}: null with an S3 inbox, whose buckets every
   * service needs) and waits until every service is ready; stops them all when one fails.
   */
  private Pipeline startTheRest(LocalStack stack, Path data, Pipeline early) throws Exception {
    Pipeline pipeline = early;
    try {
      if (s3) {
        bucket = bucketInbox(stack, data);
        pipeline = Pipeline.create(pipelineSettings(stack, data), bucket.serviceEnvironment());
      }
      pipeline.startServices(Pipeline.ALL);
      pipeline.awaitReady();
      return pipeline;
    } catch (Exception e) {
      if (pipeline != null) {
        pipeline.close();
      }
      throw e;
    }
  }

  private PipelineSettings pipelineSettings(LocalStack stack, Path data) {
    return new PipelineSettings(
        PipelineSettings.locateHome(),
        stack.kafkaBootstrapServers(),
        stack.elasticsearchUrl(),
        inbox.toAbsolutePath(),
        data,
        namespace.isEmpty() ? "" : namespace + ".",
        namespace.isEmpty() ? "" : namespace + "-",
        null,
        Map.of(
            PipelineSettings.INGEST,
            httpPorts[0],
            PipelineSettings.PARSE,
            httpPorts[1],
            PipelineSettings.INDEX,
            httpPorts[2],
            PipelineSettings.ASSEMBLE,
            httpPorts.length > 3 ? httpPorts[3] : 8084));
  }

  /**
   * The ports this run will listen on that another process holds (leftovers of an earlier run on
   * this data folder were stopped already), each with its holder; null when all are free.
   */
  private String portsInUse() {
    Map<Integer, String> wanted = new java.util.LinkedHashMap<>();
    if (externalKafka == null) {
      wanted.put(kafkaPort, "Kafka (--kafka-port)");
    }
    if (externalElasticsearch == null) {
      wanted.put(elasticsearchPort, "Elasticsearch (--elasticsearch-port)");
    }
    String[] services = {"ingest", "parse", "index", "assemble"};
    for (int i = 0; i < httpPorts.length && i < services.length; i++) {
      wanted.putIfAbsent(httpPorts[i], services[i] + "-service (--http-ports)");
    }
    java.util.List<String> busy = new java.util.ArrayList<>();
    wanted.forEach(
        (port, what) -> {
          if (!PortHolder.free(port)) {
            busy.add(
                "kamerstukken: port "
                    + port
                    + " for "
                    + what
                    + " is in use by "
                    + PortHolder.of(port).orElse("a process this user cannot see"));
          }
        });
    return busy.isEmpty()
        ? null
        : String.join(System.lineSeparator(), busy)
            + System.lineSeparator()
            + "kamerstukken: stop that process, or choose another port with the option named";
  }

  private static void closeQuietly(RunLock run, Path data) {
    try {
      Supervision.remove(data);
      run.close();
    } catch (java.io.IOException e) {
      // The lock goes with the JVM anyway; a stale pid file only names processes that are gone.
    }
  }

  /** The S3Proxy of the stack with both buckets, recorded in the data dir for {@code upload}. */
  private static S3Target bucketInbox(LocalStack stack, Path data) throws java.io.IOException {
    S3Endpoint endpoint = stack.s3().orElseThrow();
    S3Target target =
        new S3Target(
            endpoint.endpoint(),
            endpoint.identity(),
            endpoint.credential(),
            endpoint.region(),
            S3Target.INBOX_BUCKET,
            S3Target.BLOB_BUCKET);
    target.createBuckets();
    S3TargetFile.write(data, target);
    return target;
  }

  private static void printHowToUpload(PrintWriter out, S3Target bucket) {
    out.printf("%nWatching the bucket %s%n", bucket);
    out.printf("Upload:  ./kamerstukken upload ../shared/corpus/kst-26643-1522.pdf%n");
    out.printf(
        "   or:   AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s aws --endpoint-url %s s3 cp FILE s3://%s/%n",
        bucket.accessKey(), bucket.secretKey(), bucket.endpoint(), bucket.inboxBucket());
    out.println(
        "         (the fixed credentials of this local S3Proxy; deleting the object removes the document)");
    out.flush();
  }

  /** The source ingest watches in this run, as its state names it. */
  private SourceId watchedSource() {
    if (following()) {
      return SourceId.koop();
    }
    return s3 ? SourceId.bucket(S3Target.INBOX_BUCKET, "") : SourceId.folder(inbox);
  }

  private boolean following() {
    return "koop".equals(follow);
  }

  private LocalStackConfig stackConfig(Path data) {
    LocalStackConfig config =
        LocalStackConfig.defaults(data.resolve("stack"))
            .withKafkaPort(kafkaPort)
            .withElasticsearchPort(elasticsearchPort);
    if (externalKafka != null) {
      config = config.withExternalKafka(externalKafka);
    }
    if (externalElasticsearch != null) {
      config = config.withExternalElasticsearch(externalElasticsearch);
    }
    return config.withS3(s3);
  }

  private String describeInfrastructure() {
    return (externalKafka == null ? "Kafka" : "(using Kafka at " + externalKafka + ")")
        + " and "
        + (externalElasticsearch == null
            ? "Elasticsearch"
            : "(using Elasticsearch at " + externalElasticsearch + ")");
  }

  private void printWhereEverythingIs(
      PrintWriter out, LocalStack stack, Pipeline pipeline, Duration took) {
    String es = stack.elasticsearchUrl();
    out.printf("%nkamerstukken is up (ready in %.1f s)%n", took.toMillis() / 1000.0);
    if (following()) {
      out.printf(
          "  following        KOOP SRU %s   (position: ./kamerstukken status)%n",
          System.getenv()
              .getOrDefault("INGEST_KOOP_SRU_URL", "https://repository.overheid.nl/sru"));
    } else if (!s3) {
      out.printf(
          "  watched folder   %s   (drop PDF, DOCX, ODT, HTML or XML files here)%n",
          inbox.toAbsolutePath());
    }
    out.printf(
        "  Elasticsearch    %s   aliases kamerstukken-documents, kamerstukken-qa,"
            + " kamerstukken-kamervragen%n",
        es);
    out.printf(
        "  Kafka            %s   topics kamerstukken.documents.{received,parsed,dlq},"
            + " kamerstukken.{kamerstukken,kamervragen}%n",
        stack.kafkaBootstrapServers());
    for (ServiceProcess service : pipeline.services()) {
      out.printf(
          "  %-16s http://127.0.0.1:%d/health  /metrics   (pid %d)%n",
          service.name(), service.httpPort(), service.pid());
    }
    out.printf(
        "  search page      http://127.0.0.1:%d/   (and /api/search)%n",
        pipeline.service(PipelineSettings.INDEX).httpPort());
    out.printf("  data             %s%n", dataDir.toAbsolutePath());
    KnownSourcesReport.printNotWatched(out, dataDir, watchedSource());
    if (!s3 && !following()) {
      out.printf("%nTry:  cp ../shared/corpus/kst-26643-1522.pdf %s/%n", inbox);
    }
    out.printf("      curl -s '%s/kamerstukken-qa/_search?q=AI&size=3&pretty'%n", es);
    out.println("Ctrl-C stops everything.");
    out.flush();
  }
}
