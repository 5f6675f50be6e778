package nl.kamerstukken.parse.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.kamerstukken.parse.extract.TextLine;

/**
 * Decides where paragraphs start. With layout: after a blank line, a vertical gap clearly larger
 * than the usual line spacing, a jump upwards (another column or region), a change of font size, a
 * short bold line (a heading) followed by regular text, or a page break after a line that ends a
 * sentence short of the right edge; a bullet starts a list item. Without layout: after a blank
 * line.
 */
final class ParagraphBuilder {

  private static final float GAP = 1.4f;

  /** A list item starts a paragraph of its own. */
  private static final Pattern BULLET = Pattern.compile("^[•▪○◦·‣⁃●■–-]\\s+");

  private ParagraphBuilder() {}

  static List<CleanLine> build(List<TextLine> lines, LayoutStats stats) {
    List<CleanLine> out = new ArrayList<>(lines.size());
    TextLine previous = null;
    List<TextLine> blanks = new ArrayList<>();
    for (TextLine line : lines) {
      if (line.isBlank()) {
        if (previous != null
            && stats.isBodySize(line)
            && line.page() == previous.page()
            && line.y() > previous.y()) {
          blanks.add(line);
        }
        continue;
      }
      boolean start =
          previous == null
              || separatedByBlank(blanks, previous, line, stats)
              || breakBetween(previous, line, stats)
              || BULLET.matcher(line.text()).lookingAt();
      out.add(
          new CleanLine(
              line.text(), line.page(), start, false, line.bold(), line.italic(), line.fontSize()));
      previous = line;
      blanks.clear();
    }
    return out;
  }

  /**
   * Empty lines in the body size (collected below the previous line on its page) separate
   * paragraphs when one stands above the next line, or the next line is on a later page and the
   * previous line stops short of the right edge. Empty lines of another size belong to a colophon
   * or a table.
   */
  private static boolean separatedByBlank(
      List<TextLine> blanks, TextLine previous, TextLine line, LayoutStats stats) {
    boolean shortLine = previous.x1() < stats.rightEdge() - 2 * previous.fontSize();
    for (TextLine blank : blanks) {
      if ((line.page() > previous.page() && shortLine)
          || (line.page() == previous.page() && blank.y() < line.y())) {
        return true;
      }
    }
    return false;
  }

  private static boolean breakBetween(TextLine previous, TextLine line, LayoutStats stats) {
    if (!previous.hasGeometry() || !line.hasGeometry()) {
      return previous.page() != line.page() || line.y() - previous.y() > 1.5f * 12f;
    }
    if (previous.page() != line.page()) {
      return endsParagraph(previous, stats);
    }
    float gap = line.y() - previous.y();
    float size = Math.max(previous.fontSize(), line.fontSize());
    return gap < -0.5f * size
        || gap > GAP * stats.lineSpacing()
        || Math.abs(previous.fontSize() - line.fontSize()) > 1f
        || (previous.bold() && !line.bold() && previous.x1() < stats.rightEdge() - 2 * size);
  }

  private static boolean endsParagraph(TextLine line, LayoutStats stats) {
    String text = line.text().strip();
    boolean sentenceEnd = text.matches(".*[.?!:;»”\"')]$");
    return sentenceEnd && line.x1() < stats.rightEdge() - 2 * line.fontSize();
  }
}
