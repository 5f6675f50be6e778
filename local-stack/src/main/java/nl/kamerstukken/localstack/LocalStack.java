package nl.kamerstukken.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.kamerstukken.localstack.elasticsearch.ElasticsearchNode;
import nl.kamerstukken.localstack.elasticsearch.ElasticsearchReadiness;
import nl.kamerstukken.localstack.kafka.KafkaBroker;
import nl.kamerstukken.localstack.kafka.KafkaReadiness;
import nl.kamerstukken.localstack.s3.S3Endpoint;
import nl.kamerstukken.localstack.s3.S3ProxyServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, Elasticsearch and optionally S3 on this machine, without Docker. {@link #start} starts, in
 * parallel, every service that the config does not name as external and returns once all answer;
 * {@link #close} stops what it started, in reverse order. A JVM shutdown hook closes the stack on
 * Ctrl-C.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
  private static final Duration EXTERNAL_TIMEOUT_CAP = Duration.ofSeconds(30);

  private final LocalStackConfig config;
  private final KafkaBroker kafka;
  private final ElasticsearchNode elasticsearch;
  private final S3ProxyServer s3;
  private Thread shutdownHook; // guarded by this
  private boolean closed;

  private LocalStack(
      LocalStackConfig config,
      KafkaBroker kafka,
      ElasticsearchNode elasticsearch,
      S3ProxyServer s3) {
    this.config = config;
    this.kafka = kafka;
    this.elasticsearch = elasticsearch;
    this.s3 = s3;
    this.shutdownHook = new Thread(this::closeOnShutdown, "local-stack-shutdown");
  }

  /**
   * Starts what is not external and waits until every service answers (external ones too, for at
   * most 30 s).
   *
   * @throws IllegalStateException naming the service that could not start; whatever did start is
   *     stopped again
   */
  public static LocalStack start(LocalStackConfig config) {
    return start(config, stack -> {});
  }

  /**
   * Starts like {@link #start(LocalStackConfig)}, and calls {@code kafkaReady} with this stack as
   * soon as Kafka answers, while Elasticsearch and S3 may still be starting: what needs only Kafka
   * can start meanwhile. When {@code kafkaReady} fails, the stack stops and the failure is thrown.
   */
  public static LocalStack start(LocalStackConfig config, KafkaReady kafkaReady) {
    long started = System.nanoTime();
    LocalStack stack = create(config, BuildLayout.resolve(System.getenv()));
    stack.startAll(kafkaReady);
    Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
    LOG.info(
        "Local stack ready in [{} ms]: Kafka [{}], Elasticsearch [{}], S3 [{}]",
        (System.nanoTime() - started) / 1_000_000,
        stack.kafkaBootstrapServers(),
        stack.elasticsearchUrl(),
        stack.s3().map(endpoint -> endpoint.endpoint().toString()).orElse("off"));
    return stack;
  }

  private static LocalStack create(LocalStackConfig config, BuildLayout layout) {
    Path dir = config.dataDir().toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the data dir " + dir, e);
    }
    KafkaBroker kafka =
        config.externalKafka() != null
            ? null
            : KafkaBroker.create(dir.resolve("kafka"), config.kafkaPort(), config.startTimeout());
    ElasticsearchNode elasticsearch =
        config.externalElasticsearch() != null
            ? null
            : ElasticsearchNode.create(
                layout.elasticsearchHome(),
                dir.resolve("elasticsearch"),
                config.elasticsearchPort(),
                config.esJavaOpts(),
                config.startTimeout());
    S3ProxyServer s3 =
        !config.s3()
            ? null
            : S3ProxyServer.create(layout.s3proxyJar(), dir.resolve("s3"), config.startTimeout());
    return new LocalStack(config, kafka, elasticsearch, s3);
  }

  private void startAll(KafkaReady kafkaReady) {
    Map<String, Runnable> starts = new LinkedHashMap<>();
    Runnable startKafka =
        kafka != null
            ? kafka::start
            : () -> KafkaReadiness.await(config.externalKafka(), externalTimeout());
    starts.put(
        "Kafka",
        () -> {
          startKafka.run();
          try {
            kafkaReady.started(this);
          } catch (Exception e) {
            throw new IllegalStateException(
                "it started, but what was to start with it failed: " + e.getMessage(), e);
          }
        });
    starts.put(
        "Elasticsearch",
        elasticsearch != null
            ? elasticsearch::start
            : () ->
                ElasticsearchReadiness.awaitReachable(
                    config.externalElasticsearch(), externalTimeout()));
    if (s3 != null) {
      starts.put("S3", s3::start);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            starts.size(),
            runnable -> {
              Thread thread = new Thread(runnable, "local-stack-start");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Map<String, Future<?>> running = new LinkedHashMap<>();
      starts.forEach((name, start) -> running.put(name, pool.submit(start)));
      awaitAll(running);
    } finally {
      pool.shutdownNow();
    }
  }

  private void awaitAll(Map<String, Future<?>> running) {
    IllegalStateException failure = null;
    for (Map.Entry<String, Future<?>> entry : running.entrySet()) {
      try {
        entry.getValue().get();
      } catch (ExecutionException e) {
        IllegalStateException failed =
            new IllegalStateException(
                entry.getKey() + " is not ready: " + e.getCause().getMessage(), e.getCause());
        if (failure == null) {
          failure = failed;
        } else {
          failure.addSuppressed(failed);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("Interrupted while starting the local stack", e);
        break;
      }
    }
    if (failure != null) {
      closeStarted(failure);
      throw failure;
    }
  }

  private Duration externalTimeout() {
    return config.startTimeout().compareTo(EXTERNAL_TIMEOUT_CAP) < 0
        ? config.startTimeout()
        : EXTERNAL_TIMEOUT_CAP;
  }

  /** Bootstrap servers of the started or external Kafka, e.g. {@code 127.0.0.1:9092}. */
  public String kafkaBootstrapServers() {
    return kafka != null ? kafka.bootstrapServers() : config.externalKafka();
  }

  /**
   * URL of the started or external Elasticsearch without a trailing slash, e.g. {@code
   * http://127.0.0.1:9200}.
   */
  public String elasticsearchUrl() {
    return elasticsearch != null ? elasticsearch.url() : config.externalElasticsearch();
  }

  /** The S3 endpoint when the config asked for S3. */
  public Optional<S3Endpoint> s3() {
    return Optional.ofNullable(s3).map(S3ProxyServer::endpoint);
  }

  /** Whether this stack started Kafka itself (and so {@link #kafka()} can stop and start it). */
  public boolean managesKafka() {
    return kafka != null;
  }

  /**
   * Whether this stack started Elasticsearch itself (and so {@link #elasticsearch()} can stop and
   * start it).
   */
  public boolean managesElasticsearch() {
    return elasticsearch != null;
  }

  /**
   * The broker this stack started, for fault tests; fails when Kafka is external (see {@link
   * #managesKafka()}).
   */
  public KafkaBroker kafka() {
    if (kafka == null) {
      throw new IllegalStateException(
          "Kafka at ["
              + config.externalKafka()
              + "] is external: this stack cannot stop "
              + "or start it. Guard fault tests with assumeTrue(stack.managesKafka()).");
    }
    return kafka;
  }

  /**
   * The node this stack started, for fault tests; fails when it is external (see {@link
   * #managesElasticsearch()}).
   */
  public ElasticsearchNode elasticsearch() {
    if (elasticsearch == null) {
      throw new IllegalStateException(
          "Elasticsearch at ["
              + config.externalElasticsearch()
              + "] is external: this "
              + "stack cannot stop or start it. Guard fault tests with assumeTrue(stack.managesElasticsearch()).");
    }
    return elasticsearch;
  }

  public LocalStackConfig config() {
    return config;
  }

  /**
   * Stops S3, Elasticsearch and Kafka (those this stack started), in that order. Data stays in the
   * data dir.
   */
  @Override
  public void close() {
    Thread hook;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      hook = shutdownHook;
    }
    if (hook != null) {
      removeHook(hook);
    }
    IllegalStateException failure =
        new IllegalStateException("The local stack did not stop cleanly");
    closeStarted(failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
    LOG.info("Local stack stopped");
  }

  private void closeStarted(IllegalStateException collector) {
    List<Runnable> stops = new ArrayList<>();
    if (s3 != null) {
      stops.add(s3::stop);
    }
    if (elasticsearch != null) {
      stops.add(elasticsearch::stop);
    }
    if (kafka != null) {
      stops.add(kafka::stop);
    }
    for (Runnable stop : stops) {
      try {
        stop.run();
      } catch (RuntimeException e) {
        collector.addSuppressed(e);
      }
    }
  }

  /**
   * From now on the stack stops only through {@link #close}, not by hooks of its own at JVM exit:
   * for a caller whose own exit hook must stop what uses the stack first (e.g. {@code up}'s
   * services, which should stop while Kafka and Elasticsearch still answer) and then the stack. The
   * JVM runs exit hooks all at once, so the stack's own would stop Kafka under the services. The
   * children's lifelines still stop them if this JVM dies without running hooks.
   */
  public void stopOnlyWhenClosed() {
    synchronized (this) {
      if (closed || shutdownHook == null) {
        return;
      }
      removeHook(shutdownHook);
      shutdownHook = null;
    }
    if (elasticsearch != null) {
      elasticsearch.stopOnlyWhenStopped();
    }
    if (s3 != null) {
      s3.stopOnlyWhenStopped();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down, and this close may be the hook itself.
    }
  }

  private void closeOnShutdown() {
    try {
      close();
    } catch (IllegalStateException e) {
      LOG.warn("Stopping the local stack on JVM exit: {}", e.getMessage());
    }
  }

  /** Told when Kafka answers, while the rest of the stack may still be starting. */
  @FunctionalInterface
  public interface KafkaReady {
    void started(LocalStack stack) throws Exception;
  }
}
