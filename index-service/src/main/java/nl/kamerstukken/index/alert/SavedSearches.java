package nl.kamerstukken.index.alert;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.index.api.SearchResult;
import nl.kamerstukken.index.search.QaSearch;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.AlertMatch;
import nl.kamerstukken.model.AlertSubscription;
import nl.kamerstukken.model.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds, lists, removes and tries out saved searches: what the alerts API ({@code /api/alerts}), the
 * search page's "alert me" and {@code ./kamerstukken alert} use. index-service is the only writer
 * of the subscriptions topic, so a secret is sealed before it leaves the service and never shown
 * again.
 */
public final class SavedSearches {

  private static final Logger LOG = LoggerFactory.getLogger(SavedSearches.class);

  private final Subscriptions subscriptions;
  private final EventPublisher publisher;
  private final Topic<String, AlertSubscription> topic;
  private final SecretBox secrets;
  private final QaSearch search;
  private final Webhook webhook;
  private final Supplier<URI> publicUrl;
  private final Clock clock;

  public SavedSearches(
      Subscriptions subscriptions,
      EventPublisher publisher,
      Topic<String, AlertSubscription> topic,
      SecretBox secrets,
      QaSearch search,
      Webhook webhook,
      Supplier<URI> publicUrl,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.publisher = publisher;
    this.topic = topic;
    this.secrets = secrets;
    this.search = search;
    this.webhook = webhook;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /**
   * What a saved search looks like from outside: everything but the secret.
   *
   * @param signed whether the webhook calls are signed (a secret is set)
   */
  public record View(
      String name,
      String query,
      String party,
      String ministry,
      URI webhook,
      boolean signed,
      String createdAt) {
    static View of(AlertSubscription s) {
      return new View(
          s.name(),
          s.query(),
          s.party(),
          s.ministry(),
          s.webhook(),
          s.sealedSecret() != null,
          s.createdAt().toString());
    }
  }

  /**
   * Saves (or replaces) a search.
   *
   * @throws IllegalArgumentException a bad name or webhook, named in the message
   */
  public View add(
      String name, String query, String party, String ministry, URI webhook, String secret)
      throws RetryableException {
    // Validates the name before it is used as the secret's associated data.
    new AlertSubscription(name, query, party, ministry, webhook, null, clock.instant());
    if (secret != null && secret.isEmpty()) {
      throw new IllegalArgumentException("the secret must not be empty");
    }
    AlertSubscription subscription =
        new AlertSubscription(
            name,
            blankToNull(query),
            blankToNull(party),
            blankToNull(ministry),
            webhook,
            secret == null ? null : secrets.seal(name, secret),
            clock.instant());
    publisher.publish(topic, name, subscription);
    subscriptions.applied(name, subscription);
    LOG.info("saved search [{}] added: {}", name, subscription);
    return View.of(subscription);
  }

  public List<View> list() {
    return subscriptions.all().stream()
        .sorted(Comparator.comparing(AlertSubscription::name))
        .map(View::of)
        .toList();
  }

  /** False when there is no saved search of that name. */
  public boolean remove(String name) throws RetryableException {
    if (subscriptions.get(name).isEmpty()) {
      return false;
    }
    publisher.publish(topic, name, null);
    subscriptions.applied(name, null);
    LOG.info("saved search [{}] removed", name);
    return true;
  }

  /**
   * What {@code alert test} reports.
   *
   * @param matches how many indexed Q&A the search lists now
   * @param sentQaId the Q&A sent to the webhook (the best match; "test" when none matches)
   * @param status the webhook's HTTP status (0 = no answer, -1 = no webhook)
   * @param problem why the call failed; empty when it worked
   */
  public record TestResult(long matches, String sentQaId, int status, String problem) {}

  /**
   * Runs the saved search on what is indexed now and sends its best match (or a stand-in when
   * nothing matches) once to the webhook, signed, marked {@code "test": true}. Not published, not
   * recorded.
   */
  public Optional<TestResult> test(String name) throws IOException {
    Optional<AlertSubscription> found = subscriptions.get(name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AlertSubscription s = found.get();
    SearchResult result = search.search(AlertMatcher.query(s), null);
    AlertMatch alert =
        result.hits().isEmpty() ? standIn(s) : fromHit(s.name(), result.hits().get(0));
    if (s.webhook() == null) {
      return Optional.of(
          new TestResult(result.total(), alert.qaId(), -1, "the alert has no webhook"));
    }
    String secret = s.sealedSecret() == null ? null : secrets.open(s.name(), s.sealedSecret());
    Webhook.Result call = webhook.post(s.webhook(), alert, secret, true);
    return Optional.of(new TestResult(result.total(), alert.qaId(), call.status(), call.problem()));
  }

  private AlertMatch fromHit(String name, SearchHit hit) {
    String version =
        AlertMatcher.sha256(
                (hit.questionText() == null ? "" : hit.questionText())
                    + "\u0000"
                    + (hit.answerText() == null ? "" : hit.answerText()))
            .substring(0, 16);
    return new AlertMatch(
        AlertMatcher.sha256("test\n" + UUID.randomUUID()),
        name,
        hit.id(),
        hit.identifier(),
        hit.title(),
        hit.questionNumbers(),
        hit.questionText(),
        hit.answerText(),
        version,
        hit.originalUrl() == null ? null : publicUrl.get() + hit.originalUrl(),
        hit.identifier() == null
            ? null
            : "https://zoek.officielebekendmakingen.nl/" + hit.identifier() + ".html",
        clock.instant(),
        AlertMatch.KIND_QA,
        null,
        null);
  }

  private AlertMatch standIn(AlertSubscription s) {
    return new AlertMatch(
        AlertMatcher.sha256("test\n" + UUID.randomUUID()),
        s.name(),
        "test",
        null,
        "Test of alert " + s.name() + ": nothing indexed matches it yet",
        List.of(),
        null,
        null,
        "0000000000000000",
        null,
        null,
        clock.instant(),
        AlertMatch.KIND_QA,
        null,
        null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
