package nl.kamerstukken.index.document;

import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a parsed file as the single-file Kamerstuk assemble-service would publish for it, so the
 * index tests can keep describing their input as parsed files. Null stays a tombstone.
 */
public final class KamerstukSerializer implements Serializer<DocumentParsed> {

  @Override
  public byte[] serialize(String topic, DocumentParsed data) {
    return data == null
        ? null
        : Topics.KAMERSTUKKEN.valueSerde().serializer().serialize(topic, Fixtures.kamerstuk(data));
  }

  /** The Kafka key of the Kamerstuk event of {@code data}; {@code fallback} for a tombstone. */
  public static String key(String fallback, DocumentParsed data) {
    return data == null ? fallback : Fixtures.kamerstuk(data).key();
  }
}
