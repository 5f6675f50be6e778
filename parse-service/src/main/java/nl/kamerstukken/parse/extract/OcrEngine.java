package nl.kamerstukken.parse.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * OCR of page images with Tesseract through Tika's {@link TesseractOCRParser}. Built once;
 * thread-safe. When OCR is disabled or Tesseract is missing, {@link #available()} is false and
 * {@link #unavailableReason()} says why, so callers can warn instead of failing.
 */
public final class OcrEngine {

  private static final Logger LOG = LoggerFactory.getLogger(OcrEngine.class);

  private final TesseractOCRParser parser;
  private final String language;
  private final int dpi;
  private final int timeoutSeconds;
  private final String unavailableReason;

  private OcrEngine(
      TesseractOCRParser parser, String language, int dpi, int timeoutSeconds, String reason) {
    this.parser = parser;
    this.language = language;
    this.dpi = dpi;
    this.timeoutSeconds = timeoutSeconds;
    this.unavailableReason = reason;
  }

  /** Probes for Tesseract once (a short process start) when enabled. */
  public static OcrEngine create(boolean enabled, String language, int dpi, int timeoutSeconds) {
    if (!enabled) {
      return new OcrEngine(
          null, language, dpi, timeoutSeconds, "OCR is disabled in the parser settings");
    }
    TesseractOCRParser parser = new TesseractOCRParser();
    parser.setLanguage(language);
    parser.setTimeout(timeoutSeconds);
    try {
      parser.initialize(Map.of());
      if (!parser.hasTesseract()) {
        return new OcrEngine(
            null,
            language,
            dpi,
            timeoutSeconds,
            "Tesseract is not installed (no 'tesseract' on the"
                + " PATH); install it, e.g. apt-get install tesseract-ocr tesseract-ocr-nld");
      }
    } catch (TikaConfigException e) {
      return new OcrEngine(
          null, language, dpi, timeoutSeconds, "Tesseract could not be set up: " + e.getMessage());
    }
    LOG.info("OCR available: Tesseract via Tika, language [{}], [{}] dpi", language, dpi);
    return new OcrEngine(parser, language, dpi, timeoutSeconds, null);
  }

  public boolean available() {
    return parser != null;
  }

  /** Why OCR cannot run, or null when it can. */
  public String unavailableReason() {
    return unavailableReason;
  }

  public String language() {
    return language;
  }

  public int dpi() {
    return dpi;
  }

  /** The text Tesseract reads in the image, lines separated by newlines. */
  public String read(BufferedImage image) throws IOException {
    if (parser == null) {
      throw new IllegalStateException("OCR is not available: " + unavailableReason);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    TesseractOCRConfig config = new TesseractOCRConfig();
    config.setLanguage(language);
    config.setTimeoutSeconds(timeoutSeconds);
    ParseContext context = new ParseContext();
    context.set(TesseractOCRConfig.class, config);
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, "image/png");
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, "page.png");
    BodyContentHandler handler = new BodyContentHandler(-1);
    try (InputStream in = new ByteArrayInputStream(png.toByteArray())) {
      parser.parse(in, handler, metadata, context);
    } catch (SAXException | TikaException e) {
      throw new IOException("Tesseract failed: " + e.getMessage(), e);
    }
    return handler.toString();
  }
}
