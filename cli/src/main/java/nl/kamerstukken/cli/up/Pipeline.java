package nl.kamerstukken.cli.up;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services as child JVMs, configured through their environment variables (as in
 * docker-compose). Consumers start first so nothing waits on them; {@link #close} stops them in reverse.
 */
public final class Pipeline implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(120);

  private final PipelineSettings settings;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

  private Pipeline(PipelineSettings settings) {
    this.settings = settings;
  }

  public static Pipeline start(PipelineSettings settings) throws IOException, InterruptedException {
    Pipeline pipeline = new Pipeline(settings);
    try {
      for (String service : List.of(PipelineSettings.INDEX, PipelineSettings.PARSE, PipelineSettings.INGEST)) {
        pipeline.startService(service);
      }
      for (ServiceProcess process : pipeline.services.values()) {
        process.awaitReady(READY);
      }
      return pipeline;
    } catch (IOException | InterruptedException | RuntimeException e) {
      pipeline.close();
      throw e;
    }
  }

  /** Starts (or restarts after {@link ServiceProcess#kill}) one service with its usual settings. */
  public ServiceProcess startService(String service) throws IOException {
    ServiceProcess process = ServiceProcess.start(service, settings.jar(service), jvmOptions(service),
        environment(service), settings.httpPorts().get(service),
        settings.logDir() == null ? null : settings.logDir().resolve(service + ".log"));
    services.put(service, process);
    return process;
  }

  public ServiceProcess service(String name) {
    return services.get(name);
  }

  public List<ServiceProcess> services() {
    return List.copyOf(services.values());
  }

  /** Small heaps and the serial collector: the services are I/O bound and must stay lean beside Elasticsearch. */
  private static List<String> jvmOptions(String service) {
    return List.of(PipelineSettings.PARSE.equals(service) ? "-Xmx384m" : "-Xmx256m", "-XX:+UseSerialGC");
  }

  Map<String, String> environment(String service) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
    env.put("KAFKA_TOPIC_PREFIX", settings.topicPrefix());
    String port = String.valueOf(settings.httpPorts().get(service));
    switch (service) {
      case PipelineSettings.INGEST -> {
        env.put("INGEST_INBOX", settings.inbox().toString());
        env.put("INGEST_BLOB_DIR", settings.dataDir().resolve("blobs").toString());
        env.put("INGEST_STATE_DIR", settings.dataDir().resolve("ingest-state").toString());
        env.put("INGEST_HTTP_PORT", port);
      }
      case PipelineSettings.PARSE -> {
        env.put("PARSE_HTTP_PORT", port);
        // Tesseract's OpenMP threads fight each other on small machines: one thread is 3x faster here.
        env.putIfAbsent("OMP_THREAD_LIMIT", "1");
      }
      case PipelineSettings.INDEX -> {
        env.put("INDEX_ELASTICSEARCH_URL", settings.elasticsearchUrl());
        env.put("INDEX_ALIAS_PREFIX", settings.aliasPrefix());
        env.put("INDEX_HTTP_PORT", port);
      }
      default -> throw new IllegalArgumentException("unknown service " + service);
    }
    return env;
  }

  @Override
  public void close() {
    List<ServiceProcess> reversed = new ArrayList<>(services.values());
    Collections.reverse(reversed);
    reversed.forEach(ServiceProcess::close);
  }
}
