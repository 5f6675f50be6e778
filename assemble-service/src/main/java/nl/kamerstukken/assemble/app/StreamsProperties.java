package nl.kamerstukken.assemble.app;

import java.util.Properties;
import nl.kamerstukken.assemble.errors.DeadLetteringHandlers;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of assemble-service: exactly-once (v2), internal topics with the
 * deployment's replication factor, the application id namespaced by the topic prefix (like the
 * consumer groups), bad records dead-lettered, bounded RocksDB memory.
 */
final class StreamsProperties {

  static final String APPLICATION = "assemble-service";

  private StreamsProperties() {}

  static Properties of(AssembleConfig config) {
    KafkaSettings kafka = config.kafka();
    Properties p = new Properties();
    p.putAll(kafka.extra());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.group(APPLICATION));
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(StreamsConfig.CLIENT_ID_CONFIG, AssembleConfig.CLIENT_ID);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheBytes());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    // An idle stream thread waits this long for records before it looks whether a commit is due
    // (default 100 ms): shorter than the commit interval, or that is what a lone file waits.
    p.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, config.commitInterval().toMillis() / 2));
    p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    p.put(BoundedRocksDb.MEMORY_CONFIG, String.valueOf(config.rocksDbBytes()));
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringHandlers.Deserialization.class);
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringHandlers.Processing.class);
    p.put(DeadLetteringHandlers.TOPIC_CONFIG, kafka.topic(Topics.DEAD_LETTER).name());
    // A killed instance's tasks move to the survivors after 10 s instead of 45 s.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        KafkaSettings.MAX_MESSAGE_BYTES);
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
        KafkaSettings.MAX_MESSAGE_BYTES);
    p.put(
        StreamsConfig.topicPrefix("max.message.bytes"),
        String.valueOf(KafkaSettings.MAX_MESSAGE_BYTES));
    return p;
  }
}
