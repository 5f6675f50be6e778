package nl.kamerstukken.parse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.model.ReasonCode;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads formats other than PDF (DOCX, DOC, ODT, RTF, HTML, plain text, generic XML) with Tika's
 * shared {@link AutoDetectParser}: the body as paragraphs, and the format's metadata (HTML {@code
 * <meta>} tags such as {@code DC.identifier} included). Embedded images are not OCR'd. Thread-safe.
 */
public final class TikaExtractor {

  /**
   * Text beyond this is refused as {@code TOO_LARGE}: a parsed-document event (16 MB) cannot carry
   * more, and a document that inflates to far more than its size (a zip bomb) is stopped here, long
   * before memory runs out.
   */
  static final int MAX_TEXT_CHARS = 8_000_000;

  private final AutoDetectParser parser;

  public TikaExtractor(AutoDetectParser parser) {
    this.parser = parser;
  }

  public Extraction extract(Path file, String fileName, String mediaType) throws ExtractionFailure {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    boolean plainText = mediaType.startsWith("text/plain");
    BlockTextHandler blocks = new BlockTextHandler(plainText);
    ParseContext context = new ParseContext();
    TesseractOCRConfig noOcr = new TesseractOCRConfig();
    noOcr.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, noOcr);
    try (InputStream in = TikaInputStream.get(file)) {
      parser.parse(
          in,
          new BodyContentHandler(new WriteOutContentHandler(blocks, MAX_TEXT_CHARS)),
          metadata,
          context);
    } catch (EncryptedDocumentException e) {
      throw new ExtractionFailure(
          ReasonCode.ENCRYPTED_DOCUMENT,
          fileName
              + " is password protected; ask the sender for"
              + " an unprotected copy and drop it again",
          e);
    } catch (TikaException | SAXException | IOException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new ExtractionFailure(
            ReasonCode.TOO_LARGE,
            fileName
                + " holds more than "
                + MAX_TEXT_CHARS
                + " characters of"
                + " text, more than one parsed document can carry (or it is a zip bomb); split it into smaller documents",
            e);
      }
      throw new ExtractionFailure(
          ReasonCode.UNREADABLE_DOCUMENT,
          fileName
              + " could not be read as "
              + mediaType
              + " ("
              + e.getMessage()
              + "); check that the file is complete, or export it again from its source",
          e);
    }
    return new Extraction(
        mediaType,
        pageCount(metadata),
        List.of(),
        lines(blocks.blocks(), plainText),
        properties(metadata),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * Each block is a paragraph; in plain text, lines inside a block stay lines of that paragraph.
   */
  private static List<TextLine> lines(List<String> blocks, boolean plainText) {
    List<TextLine> lines = new ArrayList<>();
    float y = 0;
    for (String block : blocks) {
      float offset = y + PlainLines.STEP;
      for (TextLine line : PlainLines.of(plainText ? block : block.replace('\n', ' '), 1)) {
        y = offset + line.y();
        lines.add(new TextLine(1, y, 0, 0, 0, false, false, line.text(), line.superscripts()));
      }
    }
    return lines;
  }

  private static int pageCount(Metadata metadata) {
    for (var property : List.of(PagedText.N_PAGES, Office.PAGE_COUNT)) {
      Integer pages = metadata.getInt(property);
      if (pages != null && pages > 0) {
        return pages;
      }
    }
    return 0;
  }

  private static Map<String, List<String>> properties(Metadata metadata) {
    Map<String, List<String>> properties = new LinkedHashMap<>();
    for (String name : metadata.names()) {
      properties.put(name, List.of(metadata.getValues(name)));
    }
    return properties;
  }
}
