package nl.kamerstukken.index.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.kit.kafka.ConsumerWorker;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Credentials given to index-service (Elasticsearch basic auth, a Kafka SASL login passed through
 * as a client property) appear in no log line, even with the Kafka clients logging their whole
 * configuration at INFO.
 */
@ExtendWith(LocalStackExtension.class)
class SecretsNotLoggedIT {

  private static final String ES_PASSWORD = "es-pw-" + UUID.randomUUID();
  private static final String KAFKA_PASSWORD = "kafka-pw-" + UUID.randomUUID();

  @Test
  void noLogLineCarriesAPasswordOrTheBasicAuthHeader(LocalStack stack) {
    // Given logs captured, with the Kafka clients' configuration dump switched on
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger kafkaLogger = (Logger) LoggerFactory.getLogger("org.apache.kafka");
    Level kafkaLevel = kafkaLogger.getLevel();
    root.addAppender(logs);
    kafkaLogger.setLevel(Level.INFO);
    String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    IndexService service =
        IndexService.create(
            IndexConfig.load(
                Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS",
                    stack.kafkaBootstrapServers(),
                    "KAFKA_TOPIC_PREFIX",
                    prefix,
                    // Not used on a PLAINTEXT listener, but handed to every Kafka client like any
                    // pass-through property.
                    "KAFKA_PROPERTY_SASL_JAAS_CONFIG",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"indexer\" password=\""
                        + KAFKA_PASSWORD
                        + "\";",
                    "INDEX_ELASTICSEARCH_URL",
                    stack.elasticsearchUrl(),
                    "INDEX_ELASTICSEARCH_USERNAME",
                    "indexer",
                    "INDEX_ELASTICSEARCH_PASSWORD",
                    ES_PASSWORD,
                    "INDEX_ALIAS_PREFIX",
                    prefix,
                    "INDEX_HTTP_PORT",
                    "0")));
    Supervisor supervisor = new Supervisor("index-service-it");
    try {
      // When the service starts and runs
      service.start(supervisor);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> service.workerState() == ConsumerWorker.State.RUNNING);
    } finally {
      supervisor.stopping();
      service.close();
      root.detachAppender(logs);
      kafkaLogger.setLevel(kafkaLevel);
    }

    // Then the logs say what is configured, never the secrets
    List<String> lines = logs.list.stream().map(SecretsNotLoggedIT::render).toList();
    assertThat(lines)
        .as("the Kafka configuration was logged, so the check means something")
        .anySatisfy(line -> assertThat(line).contains("sasl.jaas.config"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("basic user [indexer]"));
    String basicHeader =
        Base64.getEncoder()
            .encodeToString(("indexer:" + ES_PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(lines).noneSatisfy(line -> assertThat(line).contains(ES_PASSWORD));
    assertThat(lines).noneSatisfy(line -> assertThat(line).contains(KAFKA_PASSWORD));
    assertThat(lines).noneSatisfy(line -> assertThat(line).contains(basicHeader));
    assertThat(supervisor.failure()).isEmpty();
  }

  private static String render(ILoggingEvent event) {
    String thrown =
        event.getThrowableProxy() == null
            ? ""
            : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getFormattedMessage() + thrown;
  }
}
