package nl.kamerstukken.index.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.index.consume.NewQa;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.index.document.QaDoc;
import nl.kamerstukken.index.elasticsearch.IndexNames;
import nl.kamerstukken.index.elasticsearch.SearchIndex;
import nl.kamerstukken.index.search.SavedSearchMatcher;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.AlertMatch;
import nl.kamerstukken.model.AlertSubscription;
import nl.kamerstukken.model.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches the Q&A a batch has just indexed against every saved search and publishes each match on
 * the alerts topic, awaited, before the batch is committed. A crash or retry matches the batch
 * again: the same answer gives the same idempotency key, so the deliverer sends it once.
 */
public final class AlertMatcher implements NewQa {

  private static final Logger LOG = LoggerFactory.getLogger(AlertMatcher.class);
  private static final String PUBLICATION = "https://zoek.officielebekendmakingen.nl/";

  private final Subscriptions subscriptions;
  private final SavedSearchMatcher matcher;
  private final ElasticsearchClient client;
  private final String qaAlias;
  private final EventPublisher publisher;
  private final Topic<String, AlertMatch> topic;
  private final Supplier<URI> publicUrl;
  private final Clock clock;
  private final Counter matches;

  public AlertMatcher(
      Subscriptions subscriptions,
      ElasticsearchClient client,
      IndexNames names,
      EventPublisher publisher,
      Topic<String, AlertMatch> topic,
      Supplier<URI> publicUrl,
      Clock clock,
      MeterRegistry registry) {
    this.subscriptions = subscriptions;
    this.matcher = new SavedSearchMatcher(client, names);
    this.client = client;
    this.qaAlias = names.alias(SearchIndex.QA);
    this.publisher = publisher;
    this.topic = topic;
    this.publicUrl = publicUrl;
    this.clock = clock;
    this.matches = Counter.builder("kamerstukken.alerts.matched").register(registry);
  }

  @Override
  public void indexed(List<IndexedDocument> documents) throws RetryableException {
    Map<String, SearchQuery> searches = new LinkedHashMap<>();
    for (AlertSubscription s : subscriptions.all()) {
      searches.put(s.name(), query(s));
    }
    Map<String, QaWithKamerstuk> byId = new LinkedHashMap<>();
    for (IndexedDocument doc : documents) {
      for (QaDoc qa : doc.qa()) {
        byId.put(IndexedDocument.qaId(doc.key(), qa.position()), new QaWithKamerstuk(doc, qa));
      }
    }
    if (searches.isEmpty() || byId.isEmpty()) {
      return;
    }
    Map<String, List<String>> matched;
    try {
      // Search sees only refreshed documents; one refresh per batch, only when someone listens.
      client.indices().refresh(r -> r.index(qaAlias));
      matched = matcher.match(searches, new ArrayList<>(byId.keySet()));
    } catch (IOException | ElasticsearchException e) {
      throw new RetryableException("cannot match saved searches: " + e.getMessage(), e);
    }
    List<Future<RecordMetadata>> writes = new ArrayList<>();
    matched.forEach(
        (id, names) -> {
          for (String name : names) {
            AlertMatch match = match(name, id, byId.get(id));
            LOG.info("saved search [{}] matches [{}]", name, id);
            writes.add(publisher.send(topic, match.idempotencyKey(), match));
          }
        });
    publisher.awaitAll(writes);
    matches.increment(writes.size());
  }

  static SearchQuery query(AlertSubscription s) {
    return new SearchQuery(s.query(), s.party(), s.ministry(), null, null, null, null, 1, 0);
  }

  private AlertMatch match(String alert, String qaId, QaWithKamerstuk found) {
    QaDoc qa = found.qa();
    String identifier = qa.shared().identifier();
    String version =
        sha256(nullToEmpty(qa.questionText()) + "\u0000" + nullToEmpty(qa.answerText()))
            .substring(0, 16);
    String documentId = qa.shared().documentId();
    return new AlertMatch(
        idempotencyKey(alert, qaId, version),
        alert,
        qaId,
        identifier != null ? identifier : found.document().key(),
        qa.shared().title(),
        qa.questionNumbers(),
        qa.questionText(),
        qa.answered() ? qa.answerText() : null,
        version,
        documentId == null ? null : publicUrl.get() + SearchHit.originalUrl(documentId),
        identifier == null ? null : PUBLICATION + identifier + ".html",
        clock.instant(),
        AlertMatch.KIND_QA,
        null,
        null);
  }

  /** Alert name + Q&A id + answer version: the same answer matched again is the same alert. */
  static String idempotencyKey(String alert, String qaId, String answerVersion) {
    return sha256(alert + "\n" + qaId + "\n" + answerVersion);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private record QaWithKamerstuk(IndexedDocument document, QaDoc qa) {}
}
