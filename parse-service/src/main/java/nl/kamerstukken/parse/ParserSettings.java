package nl.kamerstukken.parse;

import java.util.Objects;

/**
 * How documents are read.
 *
 * @param ocrEnabled whether pages without a text layer are OCR'd with Tesseract (through Tika)
 * @param ocrLanguage Tesseract language(s), e.g. {@code nld} or {@code nld+eng}
 * @param ocrDpi resolution at which a page is rendered for OCR
 * @param ocrTimeoutSeconds how long Tesseract may take for one page
 */
public record ParserSettings(boolean ocrEnabled, String ocrLanguage, int ocrDpi, int ocrTimeoutSeconds) {

  public ParserSettings {
    Objects.requireNonNull(ocrLanguage, "ocrLanguage");
    if (!ocrLanguage.matches("[a-z_]{3,}(\\+[a-z_]{3,})*")) {
      throw new IllegalArgumentException(
          "ocrLanguage must be Tesseract language codes such as 'nld' or 'nld+eng', was '" + ocrLanguage + "'");
    }
    if (ocrDpi < 72 || ocrDpi > 600) {
      throw new IllegalArgumentException("ocrDpi must be between 72 and 600, was " + ocrDpi);
    }
    if (ocrTimeoutSeconds < 1) {
      throw new IllegalArgumentException("ocrTimeoutSeconds must be at least 1, was " + ocrTimeoutSeconds);
    }
  }

  /** OCR on, Dutch, 300 dpi, two minutes per page. */
  public static ParserSettings defaults() {
    return new ParserSettings(true, "nld", 300, 120);
  }

  /** A copy with other OCR switches. */
  public ParserSettings withOcr(boolean enabled, String language) {
    return new ParserSettings(enabled, language, ocrDpi, ocrTimeoutSeconds);
  }
}
