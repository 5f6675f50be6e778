package nl.kamerstukken.parse.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.parse.extract.XmlStart;

/**
 * A publisher metadata record read as a file of its own: {@code X.metadata.xml} (root {@code
 * metadata_gegevens}) or {@code X.metadata_owms.xml} (root {@code owms-metadata}), recognised by
 * its root element, not its name. In the pipeline such a file is no Kamerstuk: it becomes a parsed
 * event of kind {@code PUBLISHER_METADATA} whose metadata are the record's values, and
 * assemble-service enriches the Kamerstuk beside it with them (the rule of {@link
 * DocumentMetadata#enrichedBy}, the one offline {@code parse} applies to a record beside a file).
 */
public final class PublisherRecord {

  private static final Set<String> ROOTS = Set.of("metadata_gegevens", "owms-metadata");

  private PublisherRecord() {}

  /** The record's values, or null when {@code file} is not a publisher metadata record. */
  public static DocumentMetadata read(Path file) {
    if (!isRecord(file)) {
      return null;
    }
    Map<String, List<String>> properties = SiblingMetadata.read(file);
    return properties.isEmpty() ? null : PublisherMetadata.of(properties).toMetadata();
  }

  /** Whether the file is XML whose root element is a metadata record's (no DTD, no entities). */
  static boolean isRecord(Path file) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = XmlStart.open(file)) {
      XMLStreamReader reader = factory.createXMLStreamReader(in);
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            return ROOTS.contains(reader.getLocalName());
          }
        }
        return false;
      } finally {
        reader.close();
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      return false;
    }
  }
}
