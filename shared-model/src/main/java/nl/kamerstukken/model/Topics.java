package nl.kamerstukken.model;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalog. Keys of the file topics are document ids (the content's SHA-256), so every
 * event of one document lands in the same partition, in order, and an event's {@code documentId}
 * equals its record's key; the Kamerstuk and Kamervraag topics are keyed by Kamerstuk key and case
 * key. Each topic names the JSON Schema its values must match.
 */
public final class Topics {

  /** Files stored in the blob store and waiting to be parsed. */
  public static final Topic<String, DocumentReceived> RECEIVED =
      new Topic<>(
          "kamerstukken.documents.received",
          Serdes.String(),
          new JsonSerde<>(DocumentReceived.class),
          "document-received.schema.json");

  /** Parsed documents: the contract users subscribe to. */
  public static final Topic<String, DocumentParsed> PARSED =
      new Topic<>(
          "kamerstukken.documents.parsed",
          Serdes.String(),
          new JsonSerde<>(DocumentParsed.class),
          "document-parsed.schema.json");

  /**
   * Kamerstukken, one per identifier, assembled from every file that carries it (key = the
   * Kamerstuk key; tombstone = its last content file is gone).
   */
  public static final Topic<String, Kamerstuk> KAMERSTUKKEN =
      new Topic<>(
          "kamerstukken.kamerstukken",
          Serdes.String(),
          new JsonSerde<>(Kamerstuk.class),
          "kamerstuk.schema.json");

  /**
   * Kamervraag cases, from question through postponement to answer (key = the case key; tombstone =
   * no document of the case is left).
   */
  public static final Topic<String, Kamervraag> KAMERVRAGEN =
      new Topic<>(
          "kamerstukken.kamervragen",
          Serdes.String(),
          new JsonSerde<>(Kamervraag.class),
          "kamervraag.schema.json");

  /** Documents a stage gave up on, with the reason. */
  public static final Topic<String, DeadLetter> DEAD_LETTER =
      new Topic<>(
          "kamerstukken.documents.dlq",
          Serdes.String(),
          new JsonSerde<>(DeadLetter.class),
          "dead-letter.schema.json");

  /**
   * Saved searches (compacted, key = the alert's name; tombstone = removed). Written by
   * index-service's alerts API; the webhook secret is sealed (see {@link AlertSubscription}).
   */
  public static final Topic<String, AlertSubscription> ALERT_SUBSCRIPTIONS =
      new Topic<>(
          "kamerstukken.alerts.subscriptions",
          Serdes.String(),
          new JsonSerde<>(AlertSubscription.class),
          "alert-subscription.schema.json");

  /**
   * New Q&A that matched a saved search (key = the idempotency key; kept 30 days, not compacted).
   */
  public static final Topic<String, AlertMatch> ALERTS =
      new Topic<>(
          "kamerstukken.alerts",
          Serdes.String(),
          new JsonSerde<>(AlertMatch.class),
          "alert-match.schema.json");

  private Topics() {}

  /** Every topic of the pipeline, for creating them at start. */
  public static List<Topic<String, ?>> all() {
    return List.of(
        RECEIVED, PARSED, KAMERSTUKKEN, KAMERVRAGEN, DEAD_LETTER, ALERT_SUBSCRIPTIONS, ALERTS);
  }
}
