package nl.kamerstukken.index.alert;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.index.consume.ChangedCases;
import nl.kamerstukken.index.search.SavedSearchMatcher;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.AlertMatch;
import nl.kamerstukken.model.AlertSubscription;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case changes that are alerts: a Kamervraag case postponed (a Mededeling) while its question
 * is still open. Each Q&A of the case's question document that a saved search lists becomes an
 * alert of kind {@code postponed}; every further postponement is a new one (the version counts
 * them). A new question and a new answer are Q&A of their own Kamerstuk and alerted by {@link
 * AlertMatcher}, so the other changes (opened, answered) add nothing here.
 */
public final class PostponementAlerts implements ChangedCases {

  private static final Logger LOG = LoggerFactory.getLogger(PostponementAlerts.class);

  private final Subscriptions subscriptions;
  private final SavedSearchMatcher matcher;
  private final EventPublisher publisher;
  private final Topic<String, AlertMatch> topic;
  private final Supplier<URI> publicUrl;
  private final Clock clock;

  PostponementAlerts(
      Subscriptions subscriptions,
      SavedSearchMatcher matcher,
      EventPublisher publisher,
      Topic<String, AlertMatch> topic,
      Supplier<URI> publicUrl,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.matcher = matcher;
    this.publisher = publisher;
    this.topic = topic;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  @Override
  public void written(List<Kamervraag> cases) throws RetryableException {
    Map<String, SearchQuery> searches = new LinkedHashMap<>();
    for (AlertSubscription s : subscriptions.all()) {
      searches.put(s.name(), AlertMatcher.query(s));
    }
    if (searches.isEmpty()) {
      return;
    }
    List<Future<RecordMetadata>> writes = new ArrayList<>();
    for (Kamervraag c : cases) {
      List<String> questions = questionDocuments(c);
      if (c.status() != Kamervraag.Status.POSTPONED || questions.isEmpty()) {
        continue;
      }
      Map<String, SavedSearchMatcher.Matched> matched;
      try {
        matched = matcher.matchInKamerstukken(searches, questions);
      } catch (IOException | ElasticsearchException e) {
        throw new RetryableException("cannot match saved searches: " + e.getMessage(), e);
      }
      matched.forEach(
          (id, m) -> {
            for (String name : m.searches()) {
              AlertMatch alert = alert(name, id, m.source(), c);
              LOG.info(
                  "saved search [{}] matches postponed case [{}] ([{}])", name, c.caseKey(), id);
              writes.add(publisher.send(topic, alert.idempotencyKey(), alert));
            }
          });
    }
    publisher.awaitAll(writes);
  }

  private static List<String> questionDocuments(Kamervraag c) {
    return c.documents().stream()
        .filter(d -> d.role() == Kamervraag.Role.QUESTION && d.identifier() != null)
        .map(Kamervraag.CaseDocument::identifier)
        .distinct()
        .toList();
  }

  private AlertMatch alert(String name, String qaId, JsonNode source, Kamervraag c) {
    String question = text(source, "questionText");
    String version =
        AlertMatcher.sha256(
                (question == null ? "" : question)
                    + "\u0000postponed:"
                    + c.caseKey()
                    + ":"
                    + c.postponements().size())
            .substring(0, 16);
    String identifier = text(source, "identifier");
    String documentId = text(source, "documentId");
    List<String> numbers = new ArrayList<>();
    source.path("questionNumbers").forEach(n -> numbers.add(n.asText()));
    return new AlertMatch(
        AlertMatcher.idempotencyKey(name, qaId, version),
        name,
        qaId,
        identifier,
        text(source, "title"),
        numbers,
        question,
        null,
        version,
        documentId == null ? null : publicUrl.get() + SearchHit.originalUrl(documentId),
        identifier == null
            ? null
            : "https://zoek.officielebekendmakingen.nl/" + identifier + ".html",
        clock.instant(),
        AlertMatch.KIND_POSTPONED,
        c.caseKey(),
        "postponed");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }
}
