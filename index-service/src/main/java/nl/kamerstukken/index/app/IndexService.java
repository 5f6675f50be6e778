package nl.kamerstukken.index.app;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nl.kamerstukken.index.alert.Alerts;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.index.consume.IndexingHandler;
import nl.kamerstukken.index.consume.KamervraagHandler;
import nl.kamerstukken.index.elasticsearch.Analysis;
import nl.kamerstukken.index.elasticsearch.CaseIndexer;
import nl.kamerstukken.index.elasticsearch.DocumentIndexer;
import nl.kamerstukken.index.elasticsearch.ElasticsearchClients;
import nl.kamerstukken.index.elasticsearch.ElasticsearchHealth;
import nl.kamerstukken.index.elasticsearch.IndexLayout;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.IndexSetup;
import nl.kamerstukken.index.elasticsearch.IndexTargets;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.index.elasticsearch.SmallBatchRefresh;
import nl.kamerstukken.index.web.SearchRoutes;
import nl.kamerstukken.kit.blob.ClaimCheckReader;
import nl.kamerstukken.kit.http.AdminServer;
import nl.kamerstukken.kit.http.HealthCheck;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.ConsumerWorker;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.KafkaHealth;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.kit.kafka.TopicAdmin;
import nl.kamerstukken.kit.lifecycle.Resources;
import nl.kamerstukken.kit.lifecycle.Service;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index service: consumes the Kamerstukken and Kamervraag cases that assemble-service publishes
 * and keeps the search aliases {@code kamerstukken-documents}, {@code kamerstukken-qa} and {@code
 * kamerstukken-kamervragen} up to date. Serves {@code /health}, {@code /metrics}, and for people
 * the search page ({@code /}), the search API ({@code /api/search}) and the original files ({@code
 * /api/documents/<documentId>/original}).
 */
public final class IndexService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
  static final String NAME = "index-service";
  static final String GROUP = "index-service";
  static final String CASE_GROUP = "index-service-kamervragen";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final IndexConfig config;
  private final IndexNames names;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Resources resources = new Resources(NAME);
  private final ElasticsearchClient client;
  private final ElasticsearchClient searchClient;
  private final ClaimCheckReader blobs;
  private volatile IndexLayout layout;
  private AdminServer admin;
  private ConsumerWorker<Kamerstuk> worker;
  private ConsumerWorker<Kamervraag> caseWorker;
  private Alerts alerts;
  private Supervisor supervisor;

  private IndexService(IndexConfig config) {
    this.config = config;
    this.names = new IndexNames(config.aliasPrefix());
    this.client = resources.add(ElasticsearchClients.create(config.elasticsearch()));
    // The search side reads with its own credentials where configured (least privilege).
    this.searchClient =
        config.search().equals(config.elasticsearch())
            ? client
            : resources.add(ElasticsearchClients.create(config.search()));
    this.blobs = resources.add(ClaimCheckReader.create(config.blobs(), config.s3()));
  }

  public static IndexService create(IndexConfig config) {
    return new IndexService(config);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(Supervisor supervisor) {
    this.supervisor = supervisor;
    LOG.info(
        "starting: {}, aliases [{}] and [{}], Kafka {}, search as {}, originals from the {}",
        config.elasticsearch(),
        names.alias(SearchIndex.DOCUMENTS),
        names.alias(SearchIndex.QA),
        config.kafka().describe(),
        config.search() == config.elasticsearch() ? "the same user" : config.search(),
        config.blobs().describe());
    TopicAdmin.ensureTopics(
        config.kafka(),
        Duration.ofSeconds(30),
        List.of(
            Topics.KAMERSTUKKEN,
            Topics.KAMERVRAGEN,
            Topics.ALERT_SUBSCRIPTIONS,
            Topics.ALERTS,
            Topics.DEAD_LETTER));
    layout = setUpIndices();
    EventPublisher publisher = resources.add(EventPublisher.create(config.kafka()));
    DeadLetters deadLetters =
        new DeadLetters(
            publisher, config.kafka().topic(Topics.DEAD_LETTER), Stage.INDEX, Clock.systemUTC());
    DocumentIndexer indexer = DocumentIndexer.create(client, names, config.bulk(), registry);
    alerts =
        Alerts.start(
            config.alerts(),
            config.kafka(),
            client,
            searchClient,
            names,
            publisher,
            this::publicUrl,
            registry,
            supervisor);
    worker =
        ConsumerWorker.create(
            "index",
            config.kafka(),
            GROUP,
            config.maxPollRecords(),
            config.kafka().topic(Topics.KAMERSTUKKEN),
            new IndexingHandler(
                indexer,
                deadLetters,
                registry,
                alerts.matcher(),
                SmallBatchRefresh.of(client, names, config.refreshSmallBatches())),
            deadLetters,
            registry);
    caseWorker =
        ConsumerWorker.create(
            "index-kamervragen",
            config.kafka(),
            CASE_GROUP,
            config.maxPollRecords(),
            config.kafka().topic(Topics.KAMERVRAGEN),
            new KamervraagHandler(
                CaseIndexer.create(client, IndexTargets.aliases(names), config.bulk(), registry),
                deadLetters,
                alerts.caseMatcher()),
            deadLetters,
            registry);
    startAdmin();
    supervisor.start("worker", worker);
    supervisor.start("kamervragen-worker", caseWorker);
    alerts.startDelivery(supervisor);
  }

  /** The base of links to this service in alerts: INDEX_PUBLIC_URL, else where it listens. */
  private URI publicUrl() {
    URI configured = config.alerts().publicUrl();
    return configured != null
        ? configured
        : URI.create("http://" + config.httpHost() + ":" + (admin == null ? 0 : admin.port()));
  }

  /**
   * Waits for Elasticsearch (it may start after us) and prepares templates, indices and aliases.
   */
  private IndexLayout setUpIndices() {
    IndexSetup setup = new IndexSetup(client, names);
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        return setup.ensure();
      } catch (RetryableException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Elasticsearch not usable within "
                  + STARTUP_TIMEOUT
                  + ": "
                  + e.getMessage()
                  + " (set INDEX_ELASTICSEARCH_URL)",
              e);
        }
        Duration delay = Backoff.standard().delay(attempt);
        LOG.warn(
            "waiting for Elasticsearch, retrying in [{}] ms: {}", delay.toMillis(), e.getMessage());
        pause(delay);
      }
    }
  }

  private void startAdmin() {
    KafkaHealth kafkaHealth = resources.add(new KafkaHealth(config.kafka()));
    admin =
        resources.add(
            AdminServer.startOrExplain(
                config.httpHost(), config.httpPort(), registry, "INDEX_HTTP_PORT"));
    admin
        .check("kafka", kafkaHealth)
        .check(
            "elasticsearch",
            new ElasticsearchHealth(client, config.elasticsearch().url().toString()))
        .check("worker", this::workerHealth)
        .check("kamervragen-worker", caseWorker::health)
        .check("alerts", alerts::health)
        .check(
            "analysis",
            () ->
                HealthCheck.Status.up(
                    layout.analysis().name()
                        + ": "
                        + layout.analysis().description()
                        + "; indices "
                        + layout.indices().values()));
    SearchRoutes.install(
        admin, searchClient, names, blobs, () -> layout == null ? null : layout.analysis().name());
    SearchRoutes.installAlerts(admin, alerts.savedSearches());
    LOG.info(
        "health and metrics on http://{}:{}/health, search page on http://{}:{}/",
        config.httpHost(),
        admin.port(),
        config.httpHost(),
        admin.port());
  }

  private HealthCheck.Status workerHealth() {
    ConsumerWorker.State state = worker.state();
    String detail = state + (worker.lastProblem().isEmpty() ? "" : ": " + worker.lastProblem());
    return state == ConsumerWorker.State.RUNNING
        ? HealthCheck.Status.up(detail)
        : HealthCheck.Status.down(detail);
  }

  /** The analysis the indices use (for the status command); null before {@link #start}. */
  public Analysis activeAnalysis() {
    return layout == null ? null : layout.analysis();
  }

  public IndexLayout layout() {
    return layout;
  }

  public IndexNames names() {
    return names;
  }

  /** The HTTP server of /health, /metrics, the search page and API (null before start). */
  public AdminServer admin() {
    return admin;
  }

  /** The Elasticsearch client, for the search API. */
  public ElasticsearchClient client() {
    return client;
  }

  public ConsumerWorker.State workerState() {
    return worker == null ? ConsumerWorker.State.STARTING : worker.state();
  }

  /** Stops the worker after its batch (within 30 s), then closes what start opened. */
  @Override
  public void close() {
    if (alerts != null) {
      alerts.stop();
    }
    if (worker != null) {
      worker.stop();
      if (caseWorker != null) {
        caseWorker.stop();
      }
      if (supervisor != null) {
        supervisor.awaitLoops(
            Duration.ofSeconds(30), "its batch stays uncommitted and is delivered again");
      }
    }
    resources.close();
    LOG.info("stopped");
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
    }
  }
}
