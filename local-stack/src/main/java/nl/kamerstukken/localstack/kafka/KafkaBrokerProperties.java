package nl.kamerstukken.localstack.kafka;

import java.nio.file.Path;
import java.util.Properties;

/** Server properties of a single-node KRaft cluster (broker and controller in one) on 127.0.0.1. */
final class KafkaBrokerProperties {

  static final String NODE_ID = "1";

  private KafkaBrokerProperties() {}

  static Properties of(Path logDir, int port, int controllerPort) {
    return of(logDir, port, controllerPort, null);
  }

  /** With {@code security} (null = plaintext, no authorization). */
  static Properties of(Path logDir, int port, int controllerPort, KafkaSecurity security) {
    Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", NODE_ID);
    props.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    props.setProperty(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("log.dirs", logDir.toString());
    // One node: every internal topic must live with one replica.
    props.setProperty("offsets.topic.replication.factor", "1");
    props.setProperty("transaction.state.log.replication.factor", "1");
    props.setProperty("transaction.state.log.min.isr", "1");
    props.setProperty("share.coordinator.state.topic.replication.factor", "1");
    props.setProperty("share.coordinator.state.topic.min.isr", "1");
    // Few partitions for internal topics: the first consumer group and transaction start faster.
    props.setProperty("offsets.topic.num.partitions", "1");
    props.setProperty("transaction.state.log.num.partitions", "1");
    // Without this the first consumer join waits 3 s for more members.
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    // The services create their topics explicitly; a typo must fail instead of creating a topic.
    props.setProperty("auto.create.topics.enable", "false");
    props.setProperty("num.partitions", "1");
    props.setProperty("default.replication.factor", "1");
    if (security != null) {
      security.applyTo(props, port, controllerPort);
    }
    return props;
  }
}
