package nl.kamerstukken.parse.api;

import java.util.Objects;

/**
 * How documents are read.
 *
 * @param ocrEnabled whether pages without a text layer are OCR'd with Tesseract (through Tika)
 * @param ocrLanguage Tesseract language(s), e.g. {@code nld} or {@code nld+eng}
 * @param ocrDpi resolution at which a page is rendered for OCR
 * @param ocrTimeoutSeconds how long Tesseract may take for one page
 * @param maxPages a PDF with more pages is refused ({@code TOO_MANY_PAGES}) right after its page
 *     tree is read, before any text is extracted
 */
public record ParserSettings(
    boolean ocrEnabled, String ocrLanguage, int ocrDpi, int ocrTimeoutSeconds, int maxPages) {

  /** Pages a PDF may have unless configured otherwise. */
  public static final int DEFAULT_MAX_PAGES = 2000;

  /** Settings with the default page limit. */
  public ParserSettings(boolean ocrEnabled, String ocrLanguage, int ocrDpi, int ocrTimeoutSeconds) {
    this(ocrEnabled, ocrLanguage, ocrDpi, ocrTimeoutSeconds, DEFAULT_MAX_PAGES);
  }

  public ParserSettings {
    Objects.requireNonNull(ocrLanguage, "ocrLanguage");
    if (!ocrLanguage.matches("[a-z_]{3,}(\\+[a-z_]{3,})*")) {
      throw new IllegalArgumentException(
          "ocrLanguage must be Tesseract language codes such as 'nld' or 'nld+eng', was '"
              + ocrLanguage
              + "'");
    }
    if (ocrDpi < 72 || ocrDpi > 600) {
      throw new IllegalArgumentException("ocrDpi must be between 72 and 600, was " + ocrDpi);
    }
    if (ocrTimeoutSeconds < 1) {
      throw new IllegalArgumentException(
          "ocrTimeoutSeconds must be at least 1, was " + ocrTimeoutSeconds);
    }
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
    }
  }

  /** OCR on, Dutch, 300 dpi, two minutes per page, at most {@value #DEFAULT_MAX_PAGES} pages. */
  public static ParserSettings defaults() {
    return new ParserSettings(true, "nld", 300, 120);
  }

  /** A copy with other OCR switches. */
  public ParserSettings withOcr(boolean enabled, String language) {
    return new ParserSettings(enabled, language, ocrDpi, ocrTimeoutSeconds, maxPages);
  }

  /** A copy with another page limit. */
  public ParserSettings withMaxPages(int pages) {
    return new ParserSettings(ocrEnabled, ocrLanguage, ocrDpi, ocrTimeoutSeconds, pages);
  }
}
