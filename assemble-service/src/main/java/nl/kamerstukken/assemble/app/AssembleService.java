package nl.kamerstukken.assemble.app;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import nl.kamerstukken.assemble.topology.AssembleTopology;
import nl.kamerstukken.kit.http.AdminServer;
import nl.kamerstukken.kit.http.HealthCheck;
import nl.kamerstukken.kit.kafka.KafkaHealth;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.kafka.TopicAdmin;
import nl.kamerstukken.kit.lifecycle.Resources;
import nl.kamerstukken.kit.lifecycle.Service;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * assemble-service: parsed files in, Kamerstukken and Kamervraag cases out, through one Kafka
 * Streams application (exactly-once). Serves {@code /health} (Kafka reachable, the streams' state)
 * and {@code /metrics}. A stream thread that dies of something no handler could turn into a dead
 * letter stops the service with exit code 1; its work is done again after a restart, from the last
 * committed transaction.
 */
public final class AssembleService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(AssembleService.class);
  static final String NAME = "assemble-service";

  private final AssembleConfig config;
  private final Clock clock;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Resources resources = new Resources(NAME);
  private final CountDownLatch ended = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile KafkaStreams streams;
  private AdminServer admin;

  private AssembleService(AssembleConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public static AssembleService create(AssembleConfig config) {
    return new AssembleService(config, Clock.systemDefaultZone());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(Supervisor supervisor) {
    KafkaSettings kafka = config.kafka();
    LOG.info(
        "assemble-service: Kafka {}, application [{}], state in [{}]",
        kafka.describe(),
        kafka.group(StreamsProperties.APPLICATION),
        config.stateDir());
    TopicAdmin.ensureTopics(
        kafka,
        Duration.ofSeconds(60),
        List.of(Topics.PARSED, Topics.KAMERSTUKKEN, Topics.KAMERVRAGEN, Topics.DEAD_LETTER));
    Topology topology =
        AssembleTopology.build(
            kafka.topic(Topics.PARSED),
            kafka.topic(Topics.KAMERSTUKKEN),
            kafka.topic(Topics.KAMERVRAGEN),
            clock);
    LOG.debug("topology: {}", topology.describe());
    streams = new KafkaStreams(topology, StreamsProperties.of(config));
    resources.add("kafka streams", () -> streams.close(Duration.ofSeconds(30)));
    resources.add(new KafkaStreamsMetrics(streams)).bindTo(registry);
    streams.setUncaughtExceptionHandler(
        e -> {
          failure.compareAndSet(null, e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (now, before) -> {
          LOG.info("streams: [{}] -> [{}]", before, now);
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            ended.countDown();
          }
        });
    KafkaHealth kafkaHealth = resources.add(new KafkaHealth(kafka));
    admin =
        resources
            .add(
                AdminServer.startOrExplain(
                    config.httpHost(), config.httpPort(), registry, "ASSEMBLE_HTTP_PORT"))
            .check("kafka", kafkaHealth)
            .check("streams", this::streamsHealth);
    supervisor.start("streams", this::run);
  }

  /** Runs the streams until they end; ending by an error is a dead service. */
  private void run() {
    streams.start();
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Throwable cause = failure.get();
    if (cause != null || streams.state() == KafkaStreams.State.ERROR) {
      throw new IllegalStateException(
          "the streams stopped with an error: " + (cause == null ? "see the log" : cause), cause);
    }
  }

  private HealthCheck.Status streamsHealth() {
    KafkaStreams running = streams;
    if (running == null) {
      return HealthCheck.Status.down("not started");
    }
    KafkaStreams.State state = running.state();
    String detail = state + (failure.get() == null ? "" : ": " + failure.get());
    return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
        ? HealthCheck.Status.up(detail)
        : HealthCheck.Status.down(detail);
  }

  /** The port /health and /metrics are served on. */
  public int httpPort() {
    return admin.port();
  }

  /** Closes the streams (committing what is done), then what start opened. */
  @Override
  public void close() {
    resources.close();
    ended.countDown();
    LOG.info("stopped");
  }
}
