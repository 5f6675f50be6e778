package nl.kamerstukken.pipeline.assemble;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.kamerstukken.assemble.topology.AssembleTopology;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * assemble-service's own topology on a {@link TopologyTestDriver}: real parse results in, the
 * Kamerstukken and cases a compacted reader would see out. No broker.
 */
final class Assembly implements AutoCloseable {

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, DocumentParsed> parsed;
  private final TestOutputTopic<String, Kamerstuk> kamerstukken;
  private final TestOutputTopic<String, Kamervraag> kamervragen;
  private final Map<String, Kamerstuk> latestKamerstukken = new HashMap<>();
  private final Map<String, Kamervraag> latestCases = new HashMap<>();

  Assembly(Instant today) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "assembly-" + UUID.randomUUID());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    try {
      props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("assembly").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver =
        new TopologyTestDriver(
            AssembleTopology.build(
                Topics.PARSED,
                Topics.KAMERSTUKKEN,
                Topics.KAMERVRAGEN,
                Clock.fixed(today, ZoneOffset.UTC)),
            props);
    parsed =
        driver.createInputTopic(
            Topics.PARSED.name(), new StringSerializer(), Topics.PARSED.valueSerde().serializer());
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
  }

  void drop(DocumentParsed file) {
    parsed.pipeInput(file.documentId(), file);
  }

  Map<String, Kamerstuk> kamerstukken() {
    for (TestRecord<String, Kamerstuk> r : kamerstukken.readRecordsToList()) {
      if (r.value() == null) {
        latestKamerstukken.remove(r.key());
      } else {
        latestKamerstukken.put(r.key(), r.value());
      }
    }
    return Map.copyOf(latestKamerstukken);
  }

  Map<String, Kamervraag> cases() {
    for (TestRecord<String, Kamervraag> r : kamervragen.readRecordsToList()) {
      if (r.value() == null) {
        latestCases.remove(r.key());
      } else {
        latestCases.put(r.key(), r.value());
      }
    }
    return Map.copyOf(latestCases);
  }

  @Override
  public void close() {
    driver.close();
  }
}
