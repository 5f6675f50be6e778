package nl.kamerstukken.assemble.topology;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.kamerstukken.assemble.errors.DeadLetteringHandlers;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The assembly topology on a {@link TopologyTestDriver} (no broker): parsed events in, the latest
 * Kamerstuk and case per key out, as a compacted topic's reader would see them.
 */
final class TopologyRun implements AutoCloseable {

  static final Instant TODAY = Instant.parse("2021-08-01T12:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, DocumentParsed> parsed;
  private final TestInputTopic<String, byte[]> raw;
  private final TestOutputTopic<String, Kamerstuk> kamerstukken;
  private final TestOutputTopic<String, Kamervraag> kamervragen;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  private final Map<String, Kamerstuk> latestKamerstukken = new LinkedHashMap<>();
  private final Map<String, Kamervraag> latestCases = new LinkedHashMap<>();

  TopologyRun() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "assemble-test-" + java.util.UUID.randomUUID());
    try {
      props.put(
          StreamsConfig.STATE_DIR_CONFIG,
          java.nio.file.Files.createTempDirectory("assemble-test").toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringHandlers.Deserialization.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetteringHandlers.Processing.class);
    props.put(DeadLetteringHandlers.TOPIC_CONFIG, Topics.DEAD_LETTER.name());
    driver =
        new TopologyTestDriver(
            AssembleTopology.build(
                Topics.PARSED,
                Topics.KAMERSTUKKEN,
                Topics.KAMERVRAGEN,
                Clock.fixed(TODAY, ZoneOffset.UTC)),
            props);
    parsed =
        driver.createInputTopic(
            Topics.PARSED.name(), new StringSerializer(), Topics.PARSED.valueSerde().serializer());
    raw =
        driver.createInputTopic(
            Topics.PARSED.name(), new StringSerializer(), new ByteArraySerializer());
    kamerstukken =
        driver.createOutputTopic(
            Topics.KAMERSTUKKEN.name(),
            Serdes.String().deserializer(),
            Topics.KAMERSTUKKEN.valueSerde().deserializer());
    kamervragen =
        driver.createOutputTopic(
            Topics.KAMERVRAGEN.name(),
            Serdes.String().deserializer(),
            Topics.KAMERVRAGEN.valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTER.name(),
            Serdes.String().deserializer(),
            Topics.DEAD_LETTER.valueSerde().deserializer());
  }

  void drop(DocumentParsed file) {
    parsed.pipeInput(file.documentId(), file);
  }

  void remove(DocumentParsed file) {
    parsed.pipeInput(file.documentId(), (DocumentParsed) null);
  }

  void pipeRaw(String key, byte[] bytes) {
    raw.pipeInput(key, bytes);
  }

  /** The Kamerstukken a compacted reader would see now (tombstones applied). */
  Map<String, Kamerstuk> kamerstukken() {
    for (TestRecord<String, Kamerstuk> record : kamerstukken.readRecordsToList()) {
      if (record.value() == null) {
        latestKamerstukken.remove(record.key());
      } else {
        latestKamerstukken.put(record.key(), record.value());
      }
    }
    return Map.copyOf(latestKamerstukken);
  }

  /** The cases a compacted reader would see now. */
  Map<String, Kamervraag> cases() {
    for (TestRecord<String, Kamervraag> record : kamervragen.readRecordsToList()) {
      if (record.value() == null) {
        latestCases.remove(record.key());
      } else {
        latestCases.put(record.key(), record.value());
      }
    }
    return Map.copyOf(latestCases);
  }

  List<DeadLetter> deadLetters() {
    return deadLetters.readValuesToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
