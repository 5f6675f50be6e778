package nl.kamerstukken.cli.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import nl.kamerstukken.kit.blob.BlobLocation;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.kafka.TopicReader;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Has parse-service parse every stored file again (after a parser improvement): reads the compacted
 * received topic from the beginning and publishes the latest {@code DocumentReceived} of every
 * document again, skipping documents whose latest event is a tombstone. parse-service reads the
 * blob again and publishes a new parsed event; index-service replaces the search documents in place
 * (same ids, same version, so nothing doubles).
 *
 * <p>Nothing untrusted is announced again: a record its schema refuses is skipped, and so is an
 * event whose claim check lies outside the configured blob store; both are listed in the report.
 *
 * <p>A file removed while this runs: its tombstone may land between the read and the
 * re-announcement, which would bring the document back. So after publishing, the range in between
 * is read again, and for every such document the tombstone is published once more, after the
 * re-announcement.
 */
public final class Reparser {

  private static final int BATCH = 500;

  private final KafkaSettings kafka;
  private final BlobLocation blobs;

  private Reparser(KafkaSettings kafka, BlobLocation blobs) {
    this.kafka = kafka;
    this.blobs = blobs;
  }

  /** A re-parse of the received topic whose claim checks must lie in {@code blobs}. */
  public static Reparser create(KafkaSettings kafka, BlobLocation blobs) {
    return new Reparser(kafka, blobs);
  }

  public ReparseReport run(Consumer<String> progress) throws Exception {
    long started = System.nanoTime();
    Topic<String, DocumentReceived> topic = kafka.topic(Topics.RECEIVED);
    try (EventPublisher publisher = EventPublisher.create(kafka);
        TopicReader<DocumentReceived> reader =
            TopicReader.open(kafka, Topics.RECEIVED, "reparse", BATCH)) {
      Map<TopicPartition, Long> end = reader.end();
      Map<String, DocumentReceived> latest = new LinkedHashMap<>();
      reader.read(
          reader.beginning(), end, batch -> batch.forEach(e -> latest.put(e.key(), e.value())));
      long removed = latest.values().stream().filter(v -> v == null).count();
      List<String> refused = dropUntrusted(latest, reader.skipped());
      refused.forEach(line -> progress.accept("not announced again: " + line));
      progress.accept(
          "announcing "
              + (latest.size() - removed)
              + " document(s) again ("
              + removed
              + " removed at the source are skipped, "
              + refused.size()
              + " untrusted)");
      List<Future<RecordMetadata>> writes = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      latest.forEach(
          (key, value) -> {
            if (value != null) {
              writes.add(publisher.send(topic, key, value));
              keys.add(key);
            }
          });
      List<RecordMetadata> published = publisher.awaitAll(writes);
      long repeated = repeatLateTombstones(reader, publisher, topic, end, keys, published);
      return new ReparseReport(
          keys.size(), removed, repeated, refused, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /**
   * Removes the events whose claim check lies outside the blob store from {@code latest}; returns
   * them with the records the reader skipped (their schema refused them), each with its reason.
   */
  private List<String> dropUntrusted(Map<String, DocumentReceived> latest, List<String> skipped) {
    List<String> refused = new ArrayList<>(skipped);
    latest
        .entrySet()
        .removeIf(
            entry -> {
              String why = outsideStore(entry.getValue());
              if (why != null) {
                refused.add(entry.getKey() + ": " + why);
              }
              return why != null;
            });
    return refused;
  }

  /** Why {@code event}'s claim check must not be announced again, or null (also for tombstones). */
  private String outsideStore(DocumentReceived event) {
    if (event == null) {
      return null;
    }
    return blobs.locate(event.blobUri()) instanceof BlobLocation.Outside outside
        ? "claim check outside the " + blobs.describe() + ": " + outside.why()
        : null;
  }

  /**
   * Tombstones that arrived between {@code end} and our re-announcement of the same key are sent
   * again.
   */
  private static long repeatLateTombstones(
      TopicReader<DocumentReceived> reader,
      EventPublisher publisher,
      Topic<String, DocumentReceived> topic,
      Map<TopicPartition, Long> end,
      List<String> keys,
      List<RecordMetadata> published)
      throws Exception {
    Map<String, Long> ours = new HashMap<>();
    Map<TopicPartition, Long> until = new HashMap<>(end);
    for (int i = 0; i < keys.size(); i++) {
      RecordMetadata meta = published.get(i);
      TopicPartition partition = new TopicPartition(meta.topic(), meta.partition());
      ours.put(keys.get(i), meta.offset());
      until.merge(partition, meta.offset(), Math::max);
    }
    List<String> resend = new ArrayList<>();
    reader.read(
        end,
        until,
        batch -> {
          for (Incoming<DocumentReceived> event : batch) {
            Long our = ours.get(event.key());
            if (event.isTombstone()
                && our != null
                && event.offset() < our
                && !resend.contains(event.key())) {
              resend.add(event.key());
            }
          }
        });
    List<Future<RecordMetadata>> tombstones = new ArrayList<>();
    for (String key : resend) {
      tombstones.add(publisher.send(topic, key, null));
    }
    publisher.awaitAll(tombstones);
    return resend.size();
  }
}
