package nl.kamerstukken.index.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import nl.kamerstukken.index.api.Highlighting;
import nl.kamerstukken.index.config.AlertSettings;
import nl.kamerstukken.index.consume.ChangedCases;
import nl.kamerstukken.index.consume.NewQa;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.search.QaSearch;
import nl.kamerstukken.index.search.SavedSearchMatcher;
import nl.kamerstukken.kit.http.HealthCheck;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.kit.kafka.ConsumerWorker;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.model.AlertMatch;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Saved searches and their alerts inside index-service, where the Q&A are indexed: the list of
 * saved searches (followed from the compacted subscriptions topic), the matcher the indexing
 * handler calls after each written batch, the delivery worker on the alerts topic (group {@code
 * index-service-alerts}), and the API behind {@code /api/alerts}.
 */
public final class Alerts {

  public static final String GROUP = "index-service-alerts";
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  private static final int DELIVERY_BATCH = 20;

  private final Subscriptions subscriptions;
  private final AlertMatcher matcher;
  private final PostponementAlerts postponements;
  private final ConsumerWorker<AlertMatch> worker;
  private final SavedSearches savedSearches;

  private Alerts(
      Subscriptions subscriptions,
      AlertMatcher matcher,
      PostponementAlerts postponements,
      ConsumerWorker<AlertMatch> worker,
      SavedSearches savedSearches) {
    this.subscriptions = subscriptions;
    this.matcher = matcher;
    this.postponements = postponements;
    this.worker = worker;
    this.savedSearches = savedSearches;
  }

  /**
   * Starts following the saved searches and waits until they are loaded (so nothing is matched or
   * delivered against a partial list), then prepares matcher, deliverer and API. {@link
   * #startDelivery} starts the deliverer.
   *
   * @param publicUrl the base of links to this service in alerts
   */
  public static Alerts start(
      AlertSettings settings,
      KafkaSettings kafka,
      ElasticsearchClient client,
      ElasticsearchClient searchClient,
      IndexNames names,
      EventPublisher publisher,
      Supplier<URI> publicUrl,
      MeterRegistry registry,
      Supervisor supervisor) {
    SecretBox secrets = SecretBox.of(settings);
    Subscriptions subscriptions = Subscriptions.create(kafka);
    supervisor.start("alert-subscriptions", subscriptions);
    awaitLoaded(subscriptions);
    DeliveryLedger ledger = new DeliveryLedger(client, names.prefix());
    try {
      ledger.ensure();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot create the alert delivery ledger in Elasticsearch: " + e.getMessage(), e);
    }
    Clock clock = Clock.systemUTC();
    Webhook webhook = new Webhook(settings.timeout());
    AlertMatcher matcher =
        new AlertMatcher(
            subscriptions,
            client,
            names,
            publisher,
            kafka.topic(Topics.ALERTS),
            publicUrl,
            clock,
            registry);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(kafka.consumer(GROUP, DELIVERY_BATCH));
    new KafkaClientMetrics(consumer).bindTo(registry);
    DeadLetters deadLetters =
        new DeadLetters(publisher, kafka.topic(Topics.DEAD_LETTER), Stage.ALERT, clock);
    ConsumerWorker<AlertMatch> worker =
        new ConsumerWorker<>(
            "alerts",
            consumer,
            kafka.topic(Topics.ALERTS),
            new AlertDelivery(
                subscriptions,
                secrets,
                webhook,
                ledger,
                deadLetters,
                settings.maxAttempts(),
                clock,
                registry),
            deadLetters,
            new Backoff(settings.retryBase(), settings.retryMax()),
            registry);
    SavedSearches saved =
        new SavedSearches(
            subscriptions,
            publisher,
            kafka.topic(Topics.ALERT_SUBSCRIPTIONS),
            secrets,
            new QaSearch(searchClient, names, Highlighting.plain("", "")),
            webhook,
            publicUrl,
            clock);
    PostponementAlerts postponements =
        new PostponementAlerts(
            subscriptions,
            new SavedSearchMatcher(client, names),
            publisher,
            kafka.topic(Topics.ALERTS),
            publicUrl,
            clock);
    return new Alerts(subscriptions, matcher, postponements, worker, saved);
  }

  private static void awaitLoaded(Subscriptions subscriptions) {
    try {
      if (!subscriptions.awaitLoaded(LOAD_TIMEOUT)) {
        throw new IllegalStateException(
            "the saved searches were not read within " + LOAD_TIMEOUT + ": is Kafka reachable?");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the saved searches", e);
    }
  }

  public void startDelivery(Supervisor supervisor) {
    supervisor.start("alerts-worker", worker);
  }

  /** What the indexing handler calls after each written batch. */
  public NewQa matcher() {
    return matcher;
  }

  /** What the Kamervraag handler calls after each written batch of cases. */
  public ChangedCases caseMatcher() {
    return postponements;
  }

  public SavedSearches savedSearches() {
    return savedSearches;
  }

  /**
   * The deliverer's state. A receiver that fails is not this service's fault: up (with the reason)
   * while retrying it; down only while starting or when the loop died.
   */
  public HealthCheck.Status health() {
    ConsumerWorker.State state = worker.state();
    String detail =
        state
            + (worker.lastProblem().isEmpty() ? "" : ": " + worker.lastProblem())
            + "; saved searches: "
            + subscriptions.all().size();
    return state == ConsumerWorker.State.RUNNING || state == ConsumerWorker.State.RETRYING
        ? HealthCheck.Status.up(detail)
        : HealthCheck.Status.down(detail);
  }

  /** Asks both loops to stop; the deliverer finishes its batch (or leaves it uncommitted). */
  public void stop() {
    worker.stop();
    subscriptions.stop();
  }
}
