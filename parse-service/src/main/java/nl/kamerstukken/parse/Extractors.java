package nl.kamerstukken.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.parse.api.ParserSettings;
import nl.kamerstukken.parse.extract.Extraction;
import nl.kamerstukken.parse.extract.ExtractionFailure;
import nl.kamerstukken.parse.extract.OcrEngine;
import nl.kamerstukken.parse.extract.PdfExtractor;
import nl.kamerstukken.parse.extract.PublisherXmlExtractor;
import nl.kamerstukken.parse.extract.TikaExtractor;
import nl.kamerstukken.parse.extract.ZipGuard;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;

/**
 * Detects a file's type with Tika (content first, name as a hint) and hands it to the extractor for
 * that type: PDFBox for PDF, the publisher-XML reader for {@code <officiele-publicatie>}, Tika for
 * the other text formats. Thread-safe.
 */
final class Extractors {

  private static final Set<String> TIKA_TYPES =
      Set.of(
          "text/plain",
          "text/html",
          "application/xhtml+xml",
          "application/msword",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.ms-word.document.macroenabled.12",
          "application/vnd.oasis.opendocument.text",
          "application/rtf",
          "application/xml",
          "text/xml");

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private final AutoDetectParser tika;
  private final OcrEngine ocr;
  private final PdfExtractor pdf;
  private final TikaExtractor text;
  private final PublisherXmlExtractor xml = new PublisherXmlExtractor();

  private Extractors(AutoDetectParser tika, OcrEngine ocr, int maxPages) {
    this.tika = tika;
    this.ocr = ocr;
    this.pdf = new PdfExtractor(ocr, maxPages);
    this.text = new TikaExtractor(tika);
  }

  static Extractors create(ParserSettings settings) {
    OcrEngine ocr =
        OcrEngine.create(
            settings.ocrEnabled(),
            settings.ocrLanguage(),
            settings.ocrDpi(),
            settings.ocrTimeoutSeconds());
    return new Extractors(new AutoDetectParser(), ocr, settings.maxPages());
  }

  boolean ocrAvailable() {
    return ocr.available();
  }

  Extraction extract(Path file, String name) throws ExtractionFailure {
    ZipGuard.requireCentralDirectory(file, name);
    MediaType type = detect(file, name);
    String base = type.getBaseType().toString();
    try {
      if (base.equals("application/pdf")) {
        return pdf.extract(file, name);
      }
      if (base.equals("application/xml")
          || base.equals("text/xml")
          || type.getSubtype().endsWith("+xml") && !base.equals("application/xhtml+xml")) {
        Extraction publisher = xml.extract(file, name);
        if (publisher != null) {
          return publisher;
        }
        return text.extract(file, name, "application/xml");
      }
      if (TIKA_TYPES.contains(base)) {
        ZipGuard.check(file, name);
        return text.extract(file, name, base);
      }
    } catch (RuntimeException e) {
      throw new ExtractionFailure(
          ReasonCode.UNREADABLE_DOCUMENT,
          name
              + " could not be read as "
              + base
              + " ("
              + e
              + "); check that the file is complete, or export it again from its source",
          e);
    }
    throw new ExtractionFailure(
        ReasonCode.UNSUPPORTED_MEDIA_TYPE,
        name
            + " is "
            + base
            + ", which the parser"
            + " does not read; supported are PDF, DOCX, DOC, ODT, RTF, HTML, XML and plain text: convert it to PDF"
            + " and drop it again",
        null);
  }

  /**
   * Tika detection (content, then name); a file that starts with {@code %PDF-} is a PDF without
   * asking Tika.
   */
  private MediaType detect(Path file, String name) throws ExtractionFailure {
    try (InputStream in = Files.newInputStream(file)) {
      if (Arrays.equals(in.readNBytes(PDF_MAGIC.length), PDF_MAGIC)) {
        return MediaType.application("pdf");
      }
    } catch (IOException e) {
      throw new ExtractionFailure(
          ReasonCode.UNREADABLE_DOCUMENT, name + " could not be read (" + e.getMessage() + ")", e);
    }
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try (InputStream in = TikaInputStream.get(file)) {
      return tika.getDetector().detect(in, metadata);
    } catch (IOException e) {
      throw new ExtractionFailure(
          ReasonCode.UNREADABLE_DOCUMENT, name + " could not be read (" + e.getMessage() + ")", e);
    }
  }
}
