package nl.kamerstukken.kit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics if they are missing. Every service calls it at start, so whichever
 * starts first creates them; an existing topic is left as it is.
 *
 * <p>The received and parsed topics are compacted: the latest event per document stays forever (a
 * reindex replays the parsed topic from the beginning) and a tombstone eventually removes a
 * document. So is the saved-search topic (the latest subscription per name); the dead letters are
 * kept 90 days and the alerts (matches, delivered by index-service) 30 days.
 */
public final class TopicAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /** Creates every topic of the catalog that is missing (the admin's and the tests' view). */
  public static void ensureTopics(KafkaSettings settings, Duration timeout) {
    ensureTopics(settings, timeout, Topics.all());
  }

  /**
   * Creates those of {@code topics} that are missing. A service passes only the topics it reads or
   * writes: with ACLs a client sees only the topics it may DESCRIBE, so a topic outside its grants
   * would look missing and its creation would be refused.
   */
  public static void ensureTopics(
      KafkaSettings settings, Duration timeout, List<Topic<String, ?>> topics) {
    try (Admin admin = Admin.create(settings.admin())) {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<String, ?> catalogued : topics) {
        Topic<String, ?> topic = catalogued.withPrefix(settings.topicPrefix());
        if (!existing.contains(topic.name())) {
          missing.add(newTopic(topic, settings));
        }
      }
      create(admin, missing, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot reach Kafka at "
              + settings.bootstrapServers()
              + " to create topics within "
              + timeout
              + ": is the broker running? (set KAFKA_BOOTSTRAP_SERVERS)",
          e);
    }
  }

  private static void create(Admin admin, List<NewTopic> missing, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    for (var entry : admin.createTopics(missing).values().entrySet()) {
      try {
        entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("created topic [{}]", entry.getKey());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  static NewTopic newTopic(Topic<String, ?> topic, KafkaSettings settings) {
    boolean compacted =
        !topic.name().endsWith(Topics.DEAD_LETTER.name())
            && !topic.name().endsWith(Topics.ALERTS.name());
    Duration retention =
        topic.name().endsWith(Topics.ALERTS.name()) ? Duration.ofDays(30) : Duration.ofDays(90);
    Map<String, String> configs =
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG,
            compacted ? "-1" : String.valueOf(retention.toMillis()),
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            String.valueOf(KafkaSettings.MAX_MESSAGE_BYTES));
    return new NewTopic(topic.name(), settings.partitions(), settings.replicationFactor())
        .configs(configs);
  }
}
