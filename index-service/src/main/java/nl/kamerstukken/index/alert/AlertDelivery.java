package nl.kamerstukken.index.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.kamerstukken.kit.kafka.BatchHandler;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.AlertMatch;
import nl.kamerstukken.model.AlertSubscription;
import nl.kamerstukken.model.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Delivers a batch of alerts (the alerts topic, consumer group {@code index-service-alerts}) to
 * their webhooks. Returns only when each alert is delivered (and recorded in the {@link
 * DeliveryLedger}), skipped (delivered before; its saved search removed or without a webhook) or
 * dead-lettered after {@code maxAttempts} calls; so the worker commits only then, and a restart
 * loses nothing. While a webhook fails and attempts are left, a {@link RetryableException} makes
 * the worker wait (exponential backoff with jitter, staying in the group) and offer the batch
 * again; what was delivered meanwhile is skipped by the ledger. Attempts are counted in memory: a
 * restart starts counting again.
 */
public final class AlertDelivery implements BatchHandler<AlertMatch> {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

  private final Subscriptions subscriptions;
  private final SecretBox secrets;
  private final Webhook webhook;
  private final Ledger ledger;
  private final DeadLetters deadLetters;
  private final int maxAttempts;
  private final Clock clock;
  private final Map<String, Integer> attempts = new HashMap<>();
  private final Counter delivered;
  private final Counter failedCalls;
  private final Counter deadLettered;

  AlertDelivery(
      Subscriptions subscriptions,
      SecretBox secrets,
      Webhook webhook,
      Ledger ledger,
      DeadLetters deadLetters,
      int maxAttempts,
      Clock clock,
      MeterRegistry registry) {
    this.subscriptions = subscriptions;
    this.secrets = secrets;
    this.webhook = webhook;
    this.ledger = ledger;
    this.deadLetters = deadLetters;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
    this.delivered = Counter.builder("kamerstukken.alerts.delivered").register(registry);
    this.failedCalls = Counter.builder("kamerstukken.alerts.failed.calls").register(registry);
    this.deadLettered = Counter.builder("kamerstukken.alerts.dead.lettered").register(registry);
  }

  @Override
  public void handle(List<Incoming<AlertMatch>> batch) throws RetryableException {
    List<String> keys = new ArrayList<>();
    batch.stream().filter(e -> !e.isTombstone()).forEach(e -> keys.add(e.key()));
    Set<String> done = ledger.delivered(keys);
    String retryFor = null;
    for (Incoming<AlertMatch> event : batch) {
      if (event.isTombstone() || !done.add(event.key())) {
        continue;
      }
      MDC.put("documentId", event.value().qaId());
      try {
        if (!deliver(event)) {
          retryFor = event.value().alertName();
        }
      } finally {
        MDC.remove("documentId");
      }
    }
    if (retryFor != null) {
      throw new RetryableException("the webhook of alert [" + retryFor + "] did not take it yet");
    }
  }

  /** False when the call failed and attempts are left (the batch is offered again). */
  private boolean deliver(Incoming<AlertMatch> event) throws RetryableException {
    AlertMatch alert = event.value();
    Optional<AlertSubscription> subscription = subscriptions.get(alert.alertName());
    if (subscription.isEmpty() || subscription.get().webhook() == null) {
      LOG.info(
          "alert [{}] for [{}] not sent: {}",
          alert.alertName(),
          alert.qaId(),
          subscription.isEmpty() ? "the saved search was removed" : "it has no webhook");
      return true;
    }
    AlertSubscription s = subscription.get();
    String secret;
    try {
      secret = s.sealedSecret() == null ? null : secrets.open(s.name(), s.sealedSecret());
    } catch (IllegalArgumentException e) {
      return giveUp(event, attempts.getOrDefault(alert.idempotencyKey(), 0), e.getMessage());
    }
    Webhook.Result result = webhook.post(s.webhook(), alert, secret, false);
    if (result.delivered()) {
      ledger.record(alert, result.status(), clock.instant());
      attempts.remove(alert.idempotencyKey());
      delivered.increment();
      LOG.info(
          "delivered alert [{}] for [{}] to [{}]: HTTP {}",
          alert.alertName(),
          alert.qaId(),
          s.webhook(),
          result.status());
      return true;
    }
    failedCalls.increment();
    int made = attempts.merge(alert.idempotencyKey(), 1, Integer::sum);
    if (made >= maxAttempts) {
      return giveUp(event, made, result.problem());
    }
    LOG.warn(
        "alert [{}] for [{}]: call [{}] of [{}] to [{}] failed: {}",
        alert.alertName(),
        alert.qaId(),
        made,
        maxAttempts,
        s.webhook(),
        result.problem());
    return false;
  }

  private boolean giveUp(Incoming<AlertMatch> event, int made, String problem)
      throws RetryableException {
    AlertMatch alert = event.value();
    deadLetters.publish(
        alert.qaId(),
        ReasonCode.ALERT_UNDELIVERED,
        "alert ["
            + alert.alertName()
            + "] for ["
            + alert.qaId()
            + "] not delivered after "
            + Math.max(made, 1)
            + " call(s): "
            + problem
            + "; fix the receiver, then ./kamerstukken dlq retry",
        Math.max(made, 1),
        event.topic(),
        event.key(),
        alert);
    attempts.remove(alert.idempotencyKey());
    deadLettered.increment();
    return true;
  }
}
