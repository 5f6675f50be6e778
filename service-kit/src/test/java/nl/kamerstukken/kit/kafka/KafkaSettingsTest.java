package nl.kamerstukken.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.model.Topics;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  @Test
  void consumerNeverAutoCommitsAndReadsFromTheBeginning() {
    KafkaSettings settings = KafkaSettings.from(EnvConfig.of("PARSE_", Map.of()), "parse-service");

    var props = settings.consumer("parse-service", 4);

    assertThat(props)
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("auto.offset.reset", "earliest")
        .containsEntry("max.poll.records", "4")
        .containsEntry("group.id", "parse-service");
    assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
  }

  @Test
  void producerWaitsForAllReplicasAndIsIdempotent() {
    var props = KafkaSettings.from(EnvConfig.of("INGEST_", Map.of()), "ingest").producer();

    assertThat(props).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
  }

  @Test
  void securityPropertiesPassThroughButAreNotDescribedWithTheirValues() {
    KafkaSettings settings =
        KafkaSettings.from(
            EnvConfig.of("INDEX_", Map.of("KAFKA_PROPERTY_SASL_JAAS_CONFIG", "secret-config")),
            "index");

    assertThat(settings.producer()).containsEntry("sasl.jaas.config", "secret-config");
    assertThat(settings.describe()).containsEntry("sasl.jaas.config", "<set>");
    assertThat(settings.describe().toString()).doesNotContain("secret-config");
  }

  @Test
  void topicPrefixNamespacesEveryTopicAndConsumerGroup() {
    KafkaSettings settings =
        KafkaSettings.from(EnvConfig.of("INDEX_", Map.of("KAFKA_TOPIC_PREFIX", "it-7.")), "index");

    assertThat(settings.topic(Topics.PARSED).name())
        .isEqualTo("it-7.kamerstukken.documents.parsed");
    assertThat(TopicAdmin.newTopic(settings.topic(Topics.DEAD_LETTER), settings).configs())
        .containsEntry("cleanup.policy", "delete");
    assertThat(TopicAdmin.newTopic(settings.topic(Topics.PARSED), settings).configs())
        .containsEntry("cleanup.policy", "compact");
    assertThat(settings.consumer("index-service", 10))
        .containsEntry("group.id", "it-7.index-service");
    assertThat(settings.group("index-service")).isEqualTo("it-7.index-service");
  }
}
