package nl.kamerstukken.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaBrokerPropertiesTest {

  @Test
  void singleNodeClusterListensOnLoopbackWithReplicationFactorOne() {
    // When
    Properties props = KafkaBrokerProperties.of(Path.of("/data/kafka/data"), 19092, 19093);

    // Then
    assertThat(props)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
        .containsEntry("log.dirs", "/data/kafka/data")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1");
  }

  @Test
  void consumersJoinWithoutDelayAndTopicsAreNeverCreatedByAccident() {
    // When
    Properties props = KafkaBrokerProperties.of(Path.of("/data"), 1, 2);

    // Then
    assertThat(props)
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("auto.create.topics.enable", "false");
  }

  @Test
  void aSecuredBrokerAuthenticatesBothListenersAndDeniesWhatNoAclAllows() {
    // When
    Properties props =
        KafkaBrokerProperties.of(Path.of("/data"), 19092, 19093, new KafkaSecurity("s3cret"));

    // Then
    assertThat(props)
        .containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry(
            "listener.security.protocol.map",
            "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
        .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN")
        .containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
        .containsEntry(
            "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("super.users", "User:admin")
        .containsEntry("allow.everyone.if.no.acl.found", "false");
    assertThat(props.getProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config"))
        .contains("user_admin=\"s3cret\"");
  }
}
