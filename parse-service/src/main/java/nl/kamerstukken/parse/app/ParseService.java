package nl.kamerstukken.parse.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.kamerstukken.kit.blob.ClaimCheckReader;
import nl.kamerstukken.kit.http.AdminServer;
import nl.kamerstukken.kit.kafka.ConsumerWorker;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.KafkaHealth;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.kafka.TopicAdmin;
import nl.kamerstukken.kit.lifecycle.Resources;
import nl.kamerstukken.kit.lifecycle.Service;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import nl.kamerstukken.parse.blob.BlobFetcher;
import nl.kamerstukken.parse.config.ParseConfig;
import nl.kamerstukken.parse.consume.ReceivedHandler;
import nl.kamerstukken.parse.consume.ReceivedParser;
import nl.kamerstukken.parse.isolation.ParseWorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** parse-service: received documents in, parsed documents (or dead letters) out. */
public final class ParseService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(ParseService.class);

  private final ParseConfig config;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Resources resources = new Resources("parse-service");
  private ParseWorkerPool parser;
  private ConsumerWorker<DocumentReceived> worker;
  private AdminServer admin;
  private Supervisor supervisor;

  private ParseService(ParseConfig config) {
    this.config = config;
  }

  public static ParseService create(ParseConfig config) {
    return new ParseService(config);
  }

  @Override
  public String name() {
    return "parse-service";
  }

  @Override
  public void start(Supervisor supervisor) {
    this.supervisor = supervisor;
    KafkaSettings kafka = config.kafka();
    LOG.info(
        "parse-service: Kafka {}, [{}] parse workers, OCR [{}], claim checks only in the {}",
        kafka.describe(),
        config.threads(),
        config.parser().ocrEnabled(),
        config.blobs().describe());
    TopicAdmin.ensureTopics(
        kafka, Duration.ofSeconds(60), List.of(Topics.RECEIVED, Topics.PARSED, Topics.DEAD_LETTER));
    parser = resources.add(ParseWorkerPool.start(config.parser(), config.isolation(), registry));
    ExecutorService pool =
        Executors.newFixedThreadPool(config.threads(), r -> new Thread(r, "parse-worker"));
    resources.add("parse pool", pool::shutdownNow);
    EventPublisher publisher = resources.add(EventPublisher.create(kafka));
    DeadLetters deadLetters =
        new DeadLetters(publisher, kafka.topic(Topics.DEAD_LETTER), Stage.PARSE, Clock.systemUTC());
    BlobFetcher blobs =
        resources.add(
            new BlobFetcher(
                ClaimCheckReader.create(config.blobs(), config.s3()),
                config.isolation().maxFileSizeBytes()));
    ReceivedHandler handler =
        new ReceivedHandler(
            new ReceivedParser(parser, blobs, registry),
            pool,
            publisher,
            deadLetters,
            kafka.topic(Topics.PARSED));
    worker =
        ConsumerWorker.create(
            "parse",
            kafka,
            "parse-service",
            config.maxPollRecords(),
            kafka.topic(Topics.RECEIVED),
            handler,
            deadLetters,
            registry);
    KafkaHealth kafkaHealth = resources.add(new KafkaHealth(kafka));
    admin =
        resources
            .add(
                AdminServer.startOrExplain(
                    config.httpHost(), config.httpPort(), registry, "PARSE_HTTP_PORT"))
            .check("kafka", kafkaHealth)
            .check("worker", worker::health)
            .check("parse-workers", parser::health);
    supervisor.start("worker", worker);
  }

  /** The port /health and /metrics are served on (useful when configured as 0). */
  public int httpPort() {
    return admin.port();
  }

  /** Stops the worker after its batch (within a minute), then closes what start opened. */
  @Override
  public void close() {
    if (worker != null) {
      worker.stop();
    }
    if (supervisor != null) {
      supervisor.awaitLoops(Duration.ofSeconds(60), "the batch in hand stays uncommitted");
    }
    resources.close();
  }
}
