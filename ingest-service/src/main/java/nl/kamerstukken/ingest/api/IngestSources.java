package nl.kamerstukken.ingest.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import nl.kamerstukken.ingest.state.Pruner;
import nl.kamerstukken.ingest.state.SourceStates;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The sources an ingest state ({@code INGEST_STATE_DIR}) remembers, for the operator commands:
 * which there are, which are not watched, and removing one's documents ({@code prune --source}).
 */
public final class IngestSources {

  private IngestSources() {}

  /** Every source the state remembers, sorted by id; none when the folder does not exist. */
  public static List<KnownSource> known(Path stateDir) throws IOException {
    return SourceStates.in(stateDir).list();
  }

  /** The known sources other than {@code watched}. */
  public static List<KnownSource> notWatching(Path stateDir, SourceId watched) throws IOException {
    return known(stateDir).stream().filter(k -> !k.source().id().equals(watched.id())).toList();
  }

  /** What {@code prune} would remove; reads only (no Kafka). */
  public static PruneResult dryRun(Path stateDir, String source) throws Exception {
    return new Pruner(SourceStates.in(stateDir))
        .prune(
            source,
            sha -> {
              throw new IllegalStateException("a dry run publishes nothing");
            },
            true);
  }

  /**
   * Publishes a tombstone on the received topic (as {@code kafka} names it) for every document of
   * {@code source}, then forgets the source.
   *
   * @throws IllegalArgumentException no such source ({@link Exception#getMessage()} lists the known
   *     ones)
   * @throws IllegalStateException the source is being watched now
   * @throws Exception Kafka did not acknowledge a tombstone: what was acknowledged is recorded, and
   *     running prune again goes on
   */
  public static PruneResult prune(Path stateDir, String source, KafkaSettings kafka)
      throws Exception {
    Properties producer = kafka.producer();
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
    Topic<String, DocumentReceived> received = kafka.topic(Topics.RECEIVED);
    try (EventPublisher publisher =
        new EventPublisher(new KafkaProducer<>(producer), Duration.ofSeconds(30))) {
      return new Pruner(SourceStates.in(stateDir))
          .prune(source, sha -> publisher.publish(received, sha, null), false);
    }
  }
}
