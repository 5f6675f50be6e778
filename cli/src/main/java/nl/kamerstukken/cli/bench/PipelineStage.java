package nl.kamerstukken.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The whole pipeline as users run it (three service JVMs, Kafka, Elasticsearch): throughput for a set
 * dropped all at once, and drop-to-searchable latency for documents dropped one at a time.
 */
final class PipelineStage implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(20);

  private final PipelineSettings settings;
  private final Pipeline pipeline;
  private final Admin admin;
  private final HttpClient http = HttpClient.newHttpClient();

  private PipelineStage(PipelineSettings settings, Pipeline pipeline) {
    this.settings = settings;
    this.pipeline = pipeline;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
    this.admin = Admin.create(props);
  }

  static PipelineStage start(PipelineSettings settings) throws IOException, InterruptedException {
    return new PipelineStage(settings, Pipeline.start(settings));
  }

  /** Drops every file at once; done when index-service has committed every parsed event and ES refreshed. */
  StageResult throughput(BenchSet set, Duration timeout) throws Exception {
    Path staging = Files.createDirectories(settings.dataDir().resolve("staging-throughput"));
    List<Path> staged = new ArrayList<>();
    for (Path file : set.files()) {
      staged.add(Files.copy(file, staging.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING));
    }
    long start = System.nanoTime();
    for (Path file : staged) {
      Files.move(file, settings.inbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }
    long deadline = start + timeout.toNanos();
    while (!allIndexed(set.files().size())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the pipeline did not index " + set.files().size() + " documents within " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    refresh();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new StageResult("whole pipeline (drop -> searchable)", set.files().size(), set.pages(), seconds,
        servicesPeakRss(), "all dropped at once; RSS = sum of the 3 services");
  }

  /** Drops each file alone and waits until a search finds its document; returns the latencies in ms. */
  List<Double> latencies(BenchSet set, Duration timeout) throws Exception {
    Path staging = Files.createDirectories(settings.dataDir().resolve("staging-latency"));
    List<Double> millis = new ArrayList<>();
    for (Path file : set.files()) {
      String documentId = LocalFile.describe(file).sha256();
      Path staged = Files.copy(file, staging.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      long start = System.nanoTime();
      Files.move(staged, settings.inbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
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
   * Peak RSS (MB) and CPU seconds so far of every process of the pipeline: each service, each child
   * process of a service (parse workers), the Elasticsearch node whose files are under the work folder,
   * and this JVM (which hosts the in-process Kafka broker).
   */
  Map<String, String> processFigures() {
    Map<String, String> figures = new LinkedHashMap<>();
    for (ServiceProcess service : pipeline.services()) {
      ProcessHandle handle = ProcessHandle.of(service.pid()).orElse(null);
      double cpu = handle == null ? -1 : PeakRss.cpuSeconds(handle);
      figures.put(service.name(), figure(service.pid(), cpu, "incl. children"));
      if (handle != null) {
        handle.children().forEach(child -> figures.put("  " + service.name() + " child " + child.pid(),
            figure(child.pid(), PeakRss.cpuSeconds(child), "")));
      }
    }
    elasticsearch().ifPresent(es -> figures.put("elasticsearch", figure(es.pid(), PeakRss.cpuSeconds(es), "")));
    ProcessHandle self = ProcessHandle.current();
    figures.put("bench + Kafka", figure(self.pid(), PeakRss.cpuSeconds(self),
        "this JVM: the in-process Kafka broker and the benchmark"));
    return figures;
  }

  private static String figure(long pid, double cpuSeconds, String note) {
    return String.format(Locale.ROOT, "%6d MB peak RSS %8.1f s CPU  %s", PeakRss.megabytes(pid), cpuSeconds, note);
  }

  private Optional<ProcessHandle> elasticsearch() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("org.elasticsearch.bootstrap.Elasticsearch"))
        .filter(p -> p.info().commandLine().orElse("").contains(settings.dataDir().getParent().toString()))
        .findFirst();
  }

  private long servicesPeakRss() {
    return pipeline.services().stream().mapToLong(s -> Math.max(0, PeakRss.megabytes(s.pid()))).sum();
  }

  /** Every received document was parsed or dead-lettered, and index-service committed every parsed event. */
  private boolean allIndexed(int expected) throws Exception {
    String received = Topics.RECEIVED.withPrefix(settings.topicPrefix()).name();
    String parsed = Topics.PARSED.withPrefix(settings.topicPrefix()).name();
    long receivedEnd = endOffsets(received);
    return receivedEnd >= expected && committed(settings.topicPrefix() + "parse-service", received) >= receivedEnd
        && committed(settings.topicPrefix() + "index-service", parsed) >= endOffsets(parsed);
  }

  private long endOffsets(String topic) throws Exception {
    List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
        .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    return admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
  }

  private long committed(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset()).sum();
  }

  private boolean searchable(String documentId) throws IOException, InterruptedException {
    String body = "{\"query\":{\"term\":{\"documentId\":\"" + documentId + "\"}}}";
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(settings.elasticsearchUrl() + "/" + settings.aliasPrefix() + "kamerstukken-documents/_count"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    String response = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    return Json.mapper().readTree(response).path("count").asLong() > 0;
  }

  private void refresh() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.elasticsearchUrl() + "/"
        + settings.aliasPrefix() + "kamerstukken-*/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build();
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
