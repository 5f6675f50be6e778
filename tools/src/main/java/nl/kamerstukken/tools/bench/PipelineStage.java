package nl.kamerstukken.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.cli.up.ServiceProcess;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Topics;
import nl.kamerstukken.tools.bench.PeakRss.Cpu;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The whole pipeline as users run it (three service JVMs, Kafka, Elasticsearch): throughput for a
 * set dropped all at once, and drop-to-searchable latency for documents dropped one at a time.
 */
final class PipelineStage implements AutoCloseable {

  /** This JVM: the bench, its Kafka admin client and Elasticsearch polls. */
  static final String SELF = "bench";

  /** The JVM of the round's local stack ({@link StackMain}), which hosts the Kafka broker. */
  static final String STACK = "local stack JVM (Kafka broker)";

  private static final Duration POLL = Duration.ofMillis(20);

  private final PipelineSettings settings;
  private final Pipeline pipeline;
  private final Admin admin;
  private final long stackPid;
  private final BenchReport.Readiness readiness;
  private final HttpClient http = HttpClient.newHttpClient();

  private PipelineStage(
      PipelineSettings settings,
      Pipeline pipeline,
      long stackPid,
      BenchReport.Readiness readiness) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.stackPid = stackPid;
    this.readiness = readiness;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
    this.admin = Admin.create(props);
  }

  /**
   * Starts the services as {@code up} does against the round's {@code stack}, which so far answers
   * on Kafka: those that need only Kafka at once, index-service when Elasticsearch answers too;
   * then {@code instances} of those named there (e.g. {@code parse-service-2}, in the first's
   * consumer group). Returns when every one is ready.
   */
  static PipelineStage start(
      PipelineSettings settings, StackProcess stack, Map<String, Integer> instances)
      throws IOException, InterruptedException {
    Pipeline pipeline = Pipeline.create(settings, Map.of());
    BenchReport.Readiness readiness;
    try {
      pipeline.startServices(Pipeline.KAFKA_ONLY);
      double elasticsearch = stack.awaitStack();
      pipeline.startServices(Pipeline.ALL);
      for (Map.Entry<String, Integer> service : instances.entrySet()) {
        for (int n = 2; n <= service.getValue(); n++) {
          pipeline.startInstance(
              service.getKey(), service.getKey() + "-" + n, BenchCommand.freePort());
        }
      }
      pipeline.awaitReady();
      readiness =
          new BenchReport.Readiness(stack.kafkaSeconds(), elasticsearch, stack.secondsSinceStart());
    } catch (IOException | InterruptedException | RuntimeException e) {
      pipeline.close();
      throw e;
    }
    return new PipelineStage(settings, pipeline, stack.pid(), readiness);
  }

  /** How long the stack and the services took to answer. */
  BenchReport.Readiness readiness() {
    return readiness;
  }

  /**
   * Drops every file at once; done when index-service has committed every parsed event and
   * Elasticsearch refreshed. {@code how} says in the report how the pipeline was warmed up.
   */
  StageResult throughput(BenchSet set, String name, String how, Duration timeout) throws Exception {
    Path staging = Files.createDirectories(settings.dataDir().resolve("staging-" + set.tag()));
    List<Path> staged = new ArrayList<>();
    for (Path file : set.files()) {
      staged.add(
          Files.copy(
              file, staging.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING));
    }
    long expected =
        endOffsets(Topics.RECEIVED.withPrefix(settings.topicPrefix()).name()) + set.files().size();
    long start = System.nanoTime();
    for (Path file : staged) {
      Files.move(
          file, settings.inbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }
    long deadline = start + timeout.toNanos();
    while (!allIndexed(expected)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the pipeline did not index " + set.files().size() + " documents within " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    refresh();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new StageResult(
        name,
        set.files().size(),
        set.pages(),
        seconds,
        servicesPeakRss(),
        "all dropped at once, " + how + "; RSS = sum of the services");
  }

  /**
   * Drops each file alone and waits until a search finds its document; returns the latencies in ms.
   */
  List<Double> latencies(BenchSet set, Duration timeout) throws Exception {
    Path staging = Files.createDirectories(settings.dataDir().resolve("staging-latency"));
    List<Double> millis = new ArrayList<>();
    for (Path file : set.files()) {
      String documentId = LocalFile.describe(file).sha256();
      Path staged =
          Files.copy(
              file, staging.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      long start = System.nanoTime();
      Files.move(
          staged, settings.inbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      while (!searchable(documentId)) {
        if (System.nanoTime() - start > timeout.toNanos()) {
          throw new IllegalStateException(file + " was not searchable within " + timeout);
        }
        TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
      }
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return millis;
  }

  /**
   * Peak RSS (MB) of every process of the pipeline, keyed as in {@link #cpu}: each service, each
   * parse worker, the Elasticsearch node and the JVM (Kafka broker) of this round's stack, and this
   * JVM; -1 where it cannot be read.
   */
  Map<String, Long> peakRss() {
    Map<String, Long> peaks = new LinkedHashMap<>();
    processes().forEach((name, pid) -> peaks.put(name, PeakRss.megabytes(pid)));
    return peaks;
  }

  /**
   * CPU each process spent between two {@link #cpu} snapshots; a process that could not be read at
   * the end (it ended) is left out rather than counted as negative time.
   */
  static Map<String, Cpu> spent(Map<String, Cpu> before, Map<String, Cpu> after) {
    Map<String, Cpu> spent = new LinkedHashMap<>();
    after.forEach(
        (name, cpu) -> {
          if (!cpu.equals(Cpu.UNKNOWN)) {
            spent.put(name, cpu.minus(before.getOrDefault(name, Cpu.ZERO)));
          }
        });
    return spent;
  }

  /**
   * CPU so far of each process of the pipeline (own time, children apart), keyed by process name,
   * the same in every round: a child process of a service (a parse worker) is " SERVICE child N",
   * numbered in the order the children started.
   */
  Map<String, Cpu> cpu() {
    Map<String, Cpu> cpu = new LinkedHashMap<>();
    processes().forEach((name, pid) -> cpu.put(name, PeakRss.cpu(pid)));
    return cpu;
  }

  /** Each service, its child processes (parse workers), Elasticsearch, the stack JVM, this JVM. */
  private Map<String, Long> processes() {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (ServiceProcess service : pipeline.services()) {
      pids.put(service.name(), service.pid());
      List<ProcessHandle> children =
          ProcessHandle.of(service.pid()).stream()
              .flatMap(ProcessHandle::children)
              .sorted(
                  Comparator.comparing(
                          (ProcessHandle p) -> p.info().startInstant().orElse(Instant.MAX))
                      .thenComparingLong(ProcessHandle::pid))
              .toList();
      for (int i = 0; i < children.size(); i++) {
        pids.put("  " + service.name() + " child " + (i + 1), children.get(i).pid());
      }
    }
    elasticsearch().ifPresent(es -> pids.put("elasticsearch", es.pid()));
    pids.put(STACK, stackPid);
    pids.put(SELF, ProcessHandle.current().pid());
    return pids;
  }

  private Optional<ProcessHandle> elasticsearch() {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .orElse("")
                    .contains("org.elasticsearch.bootstrap.Elasticsearch"))
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .orElse("")
                    .contains(settings.dataDir().resolveSibling("stack").toString()))
        .findFirst();
  }

  private long servicesPeakRss() {
    return pipeline.services().stream()
        .mapToLong(s -> Math.max(0, PeakRss.megabytes(s.pid())))
        .sum();
  }

  /**
   * Every received document was parsed or dead-lettered, assemble-service committed every parsed
   * event and index-service every Kamerstuk event.
   */
  private boolean allIndexed(long expected) throws Exception {
    String received = Topics.RECEIVED.withPrefix(settings.topicPrefix()).name();
    String parsed = Topics.PARSED.withPrefix(settings.topicPrefix()).name();
    String kamerstukken = Topics.KAMERSTUKKEN.withPrefix(settings.topicPrefix()).name();
    long receivedEnd = endOffsets(received);
    return receivedEnd >= expected
        && committed(settings.topicPrefix() + "parse-service", received) >= receivedEnd
        && committed(settings.topicPrefix() + "assemble-service", parsed) >= endOffsets(parsed)
        && committed(settings.topicPrefix() + "index-service", kamerstukken)
            >= endOffsets(kamerstukken);
  }

  private long endOffsets(String topic) throws Exception {
    List<TopicPartition> partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    return admin.listOffsets(request).all().get().values().stream()
        .mapToLong(i -> i.offset())
        .sum();
  }

  private long committed(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return offsets.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private boolean searchable(String documentId) throws IOException, InterruptedException {
    String body = "{\"query\":{\"term\":{\"documentId\":\"" + documentId + "\"}}}";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    settings.elasticsearchUrl()
                        + "/"
                        + settings.aliasPrefix()
                        + "kamerstukken-documents/_count"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    String response = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    return Json.mapper().readTree(response).path("count").asLong() > 0;
  }

  private void refresh() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    settings.elasticsearchUrl()
                        + "/"
                        + settings.aliasPrefix()
                        + "kamerstukken-*/_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    http.send(request, HttpResponse.BodyHandlers.discarding());
  }

  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  @Override
  public void close() {
    admin.close();
    pipeline.close();
  }
}
