package nl.kamerstukken.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.parse.clean.CleanDocument;
import nl.kamerstukken.parse.clean.TextCleaner;
import nl.kamerstukken.parse.extract.Extraction;
import nl.kamerstukken.parse.extract.ExtractionFailure;
import nl.kamerstukken.parse.extract.PublisherXmlExtractor;
import nl.kamerstukken.parse.metadata.MetadataExtractor;
import nl.kamerstukken.parse.metadata.SiblingMetadata;
import nl.kamerstukken.parse.segment.Segmentation;
import nl.kamerstukken.parse.segment.Segmenter;

/**
 * The last step of a parse, after the file's own metadata: the publisher's XML ({@code <name>.xml},
 * an {@code <officiele-publicatie>}) lying beside a non-XML file is read through the same steps as
 * a file of its own (extract, clean, segment, metadata), and its metadata wins over what the print
 * gave. Extraction itself never looks beside the file. Offline {@code parse} meets such siblings;
 * in the pipeline a blob has none, and assemble-service merges the renditions. Thread-safe.
 */
final class SiblingPublisherXml {

  private final PublisherXmlExtractor xml = new PublisherXmlExtractor();

  /**
   * The sibling XML's metadata, or null when there is none or it cannot be read (the file's own
   * metadata then stands alone).
   */
  DocumentMetadata metadataBeside(Path file, String name, Map<String, List<String>> properties) {
    if (name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
      return null;
    }
    Path dir = file.toAbsolutePath().getParent();
    for (String candidate :
        List.of(file.getFileName().toString(), SiblingMetadata.baseName(name))) {
      int dot = candidate.lastIndexOf('.');
      Path xmlFile =
          dir == null || dot <= 0 ? null : dir.resolve(candidate.substring(0, dot) + ".xml");
      if (xmlFile != null
          && SiblingMetadata.besideFile(xmlFile, dir)
          && Files.isRegularFile(xmlFile)) {
        try {
          Extraction sibling = xml.extract(xmlFile, xmlFile.getFileName().toString());
          if (sibling != null) {
            return metadataOf(sibling, properties);
          }
        } catch (ExtractionFailure e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The sibling's own pass: clean, segment, metadata, each once. */
  private static DocumentMetadata metadataOf(
      Extraction sibling, Map<String, List<String>> properties) {
    CleanDocument document = TextCleaner.clean(sibling);
    Segmentation segmentation = Segmenter.segment(document, sibling.markedSegments());
    return MetadataExtractor.extract(document, segmentation, properties, false);
  }
}
