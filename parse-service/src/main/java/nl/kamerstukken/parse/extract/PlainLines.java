package nl.kamerstukken.parse.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Text without layout (Tika output, OCR output) as lines: one line per text line, a blank line (or
 * several) is a paragraph break, shown as a doubled step in the synthetic {@code y}. Unicode
 * superscript digits ({@code ¹²³}) become ASCII digits marked as superscripts, so footnote
 * references are found the same way as in a PDF.
 */
final class PlainLines {

  static final float STEP = 12f;

  private PlainLines() {}

  static List<TextLine> of(String text, int page) {
    List<TextLine> lines = new ArrayList<>();
    float y = STEP;
    for (String raw : text.split("\\R")) {
      String line = raw.replace('\u00A0', ' ').replace("\u00AD", "").strip();
      if (line.isEmpty()) {
        y += STEP;
        continue;
      }
      lines.add(withSuperscripts(page, y, line.replaceAll("\\s{2,}", " ")));
      y += STEP;
    }
    return lines;
  }

  private static TextLine withSuperscripts(int page, float y, String line) {
    StringBuilder text = new StringBuilder(line.length());
    List<TextLine.Superscript> superscripts = new ArrayList<>();
    int runStart = -1;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      int digit = superscriptDigit(c);
      if (digit >= 0 && runStart < 0) {
        runStart = text.length();
      } else if (digit < 0 && runStart >= 0) {
        superscripts.add(new TextLine.Superscript(runStart, text.length()));
        runStart = -1;
      }
      text.append(digit >= 0 ? (char) ('0' + digit) : c);
    }
    if (runStart >= 0) {
      superscripts.add(new TextLine.Superscript(runStart, text.length()));
    }
    return new TextLine(page, y, 0, 0, 0, false, false, text.toString(), superscripts);
  }

  private static int superscriptDigit(char c) {
    return switch (c) {
      case '\u2070' -> 0;
      case '\u00B9' -> 1;
      case '\u00B2' -> 2;
      case '\u00B3' -> 3;
      case '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079' -> c - '\u2070';
      default -> -1;
    };
  }
}
