package nl.kamerstukken.kit.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.model.Topic;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How a service talks to Kafka.
 *
 * @param bootstrapServers {@code host:port[,host:port]}
 * @param clientId prefix for client ids, e.g. {@code parse-service}
 * @param partitions partitions for topics this service creates
 * @param replicationFactor replication factor for topics this service creates
 * @param topicPrefix namespace put before every topic name and consumer group id (empty in
 *     production; unique per test run), so deployments sharing a broker never share a consumer
 *     group
 * @param extra client properties passed through unchanged (security: SASL/SSL), from {@code
 *     KAFKA_PROPERTY_*}
 */
public record KafkaSettings(
    String bootstrapServers,
    String clientId,
    int partitions,
    short replicationFactor,
    String topicPrefix,
    Map<String, String> extra) {

  /** The largest event we write: a 500-page document's text fits with room to spare. */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private static final int MAX_POLL_INTERVAL_MS = 30 * 60 * 1000;

  public KafkaSettings {
    topicPrefix = topicPrefix == null ? "" : topicPrefix;
    extra = Map.copyOf(extra);
  }

  /**
   * Reads {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_PARTITIONS}, {@code
   * KAFKA_REPLICATION_FACTOR}, {@code KAFKA_TOPIC_PREFIX} (each also with the service prefix) and
   * passes through every {@code KAFKA_PROPERTY_X_Y=v} as {@code x.y=v}.
   */
  public static KafkaSettings from(EnvConfig env, String clientId) {
    String bootstrap = env.sharedString("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    int partitions = env.sharedInteger("KAFKA_PARTITIONS", 3, 1, 10_000);
    short replication =
        (short) env.sharedInteger("KAFKA_REPLICATION_FACTOR", 1, 1, Short.MAX_VALUE);
    String prefix = env.sharedString("KAFKA_TOPIC_PREFIX", "");
    return new KafkaSettings(
        bootstrap, clientId, partitions, replication, prefix, env.passThrough("KAFKA_PROPERTY"));
  }

  /** The topic as this deployment names it (with {@link #topicPrefix()}). */
  public <V> Topic<String, V> topic(Topic<String, V> topic) {
    return topic.withPrefix(topicPrefix);
  }

  /**
   * The consumer group id as this deployment names it (with {@link #topicPrefix()}): a group shared
   * by two deployments would make each one's rebalances (a killed instance, a long parse) stall the
   * other.
   */
  public String group(String name) {
    return topicPrefix + name;
  }

  /** Producer that waits for all in-sync replicas and never writes a record twice on retry. */
  public Properties producer() {
    Properties p = common(clientId + "-producer");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_MESSAGE_BYTES));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.putAll(extra);
    return p;
  }

  /**
   * Consumer in the group {@code groupId} (namespaced by {@link #group}) that commits only what the
   * worker loop says is done. Values arrive as bytes so that a record that is not a valid event
   * becomes a dead letter instead of a stuck partition.
   */
  public Properties consumer(String groupId, int maxPollRecords) {
    Properties p = common(clientId + "-" + groupId);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group(groupId));
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // A killed instance's partitions move to the survivors after 10 s instead of the default 45 s.
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
    // A batch of hostile documents may each use their whole parse time budget (and a retry): allow
    // it.
    p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(MAX_POLL_INTERVAL_MS));
    // Kept open longer than a poll may take, so the coordinator connection survives a rebalance
    // meanwhile.
    p.put(
        ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG,
        String.valueOf(MAX_POLL_INTERVAL_MS + 60_000));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.putAll(extra);
    return p;
  }

  public Properties admin() {
    Properties p = common(clientId + "-admin");
    p.putAll(extra);
    return p;
  }

  /** The pass-through property names, for logging: values may be secrets and are never logged. */
  public Map<String, String> describe() {
    Map<String, String> shown = new TreeMap<>();
    shown.put("bootstrap.servers", bootstrapServers);
    extra.keySet().forEach(key -> shown.put(key, "<set>"));
    return shown;
  }

  private Properties common(String id) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, id);
    return p;
  }
}
