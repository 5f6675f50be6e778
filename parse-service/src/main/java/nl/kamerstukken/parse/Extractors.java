package nl.kamerstukken.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import nl.kamerstukken.parse.extract.Extraction;
import nl.kamerstukken.parse.extract.ExtractionFailure;
import nl.kamerstukken.parse.extract.OcrEngine;
import nl.kamerstukken.parse.extract.PdfExtractor;
import nl.kamerstukken.parse.extract.PublisherXmlExtractor;
import nl.kamerstukken.parse.extract.TikaExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;

/**
 * Detects a file's type with Tika (content first, name as a hint) and hands it to the extractor for that
 * type: PDFBox for PDF, the publisher-XML reader for {@code <officiele-publicatie>}, Tika for the other
 * text formats. Thread-safe.
 */
final class Extractors {

  private static final Set<String> TIKA_TYPES = Set.of("text/plain", "text/html", "application/xhtml+xml",
      "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-word.document.macroenabled.12", "application/vnd.oasis.opendocument.text",
      "application/rtf", "application/xml", "text/xml");

  private final AutoDetectParser tika;
  private final PdfExtractor pdf;
  private final TikaExtractor text;
  private final PublisherXmlExtractor xml = new PublisherXmlExtractor();

  private Extractors(AutoDetectParser tika, OcrEngine ocr) {
    this.tika = tika;
    this.pdf = new PdfExtractor(ocr);
    this.text = new TikaExtractor(tika);
  }

  static Extractors create(ParserSettings settings) {
    OcrEngine ocr = OcrEngine.create(settings.ocrEnabled(), settings.ocrLanguage(), settings.ocrDpi(),
        settings.ocrTimeoutSeconds());
    return new Extractors(new AutoDetectParser(), ocr);
  }

  Extraction extract(Path file, String name) throws ExtractionFailure {
    MediaType type = detect(file, name);
    String base = type.getBaseType().toString();
    try {
      if (base.equals("application/pdf")) {
        return pdf.extract(file, name);
      }
      if (base.equals("application/xml") || base.equals("text/xml") || type.getSubtype().endsWith("+xml")
          && !base.equals("application/xhtml+xml")) {
        Extraction publisher = xml.extract(file, name);
        if (publisher != null) {
          return publisher;
        }
        return text.extract(file, name, "application/xml");
      }
      if (TIKA_TYPES.contains(base)) {
        return text.extract(file, name, base);
      }
    } catch (RuntimeException e) {
      throw new ExtractionFailure(ParseOutcome.UNREADABLE_DOCUMENT, name + " could not be read as " + base + " ("
          + e + "); check that the file is complete, or export it again from its source", e);
    }
    throw new ExtractionFailure(ParseOutcome.UNSUPPORTED_MEDIA_TYPE, name + " is " + base + ", which the parser"
        + " does not read; supported are PDF, DOCX, DOC, ODT, RTF, HTML, XML and plain text: convert it to PDF"
        + " and drop it again", null);
  }

  private MediaType detect(Path file, String name) throws ExtractionFailure {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try (InputStream in = TikaInputStream.get(file)) {
      return tika.getDetector().detect(in, metadata);
    } catch (IOException e) {
      throw new ExtractionFailure(ParseOutcome.UNREADABLE_DOCUMENT, name + " could not be read (" + e.getMessage()
          + ")", e);
    }
  }
}
