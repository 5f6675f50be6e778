package nl.kamerstukken.parse.extract;

import java.util.List;

/**
 * One line of text as laid out on a page.
 *
 * <p>Coordinates are in PDF points from the top-left of the page; {@code y} is the baseline. Lines
 * that come from a format without layout (DOCX, HTML, OCR output) carry a synthetic {@code y} that
 * grows by one line height per line and two per paragraph break, and {@code fontSize} 0 (unknown).
 *
 * @param page 1-based page number (1 for formats without pages)
 * @param y baseline, points from the top of the page
 * @param x0 left edge
 * @param x1 right edge
 * @param fontSize dominant font size in points, 0 when unknown
 * @param bold whether the dominant font is bold (or black/heavy)
 * @param italic whether the dominant font is italic (or oblique)
 * @param text the characters, superscripts included
 * @param superscripts runs of raised, smaller digits in {@code text} (footnote reference
 *     candidates)
 */
public record TextLine(
    int page,
    float y,
    float x0,
    float x1,
    float fontSize,
    boolean bold,
    boolean italic,
    String text,
    List<Superscript> superscripts) {

  public TextLine {
    superscripts = List.copyOf(superscripts);
  }

  /** A line from a source without layout. */
  public static TextLine plain(int page, float y, String text) {
    return new TextLine(page, y, 0, 0, 0, false, false, text, List.of());
  }

  /** Whether the line holds no visible characters. */
  public boolean isBlank() {
    return text.isBlank();
  }

  /** Whether position and font size are known (PDF text layer). */
  public boolean hasGeometry() {
    return fontSize > 0;
  }

  /** A copy with other text and superscripts. */
  public TextLine withText(String newText, List<Superscript> newSuperscripts) {
    return new TextLine(page, y, x0, x1, fontSize, bold, italic, newText, newSuperscripts);
  }

  /**
   * Raised digits printed smaller than the line, e.g. the {@code 1} in {@code regenboogbeleid»?1}.
   *
   * @param start index of the first digit in the line's text
   * @param end index after the last digit
   */
  public record Superscript(int start, int end) {}
}
