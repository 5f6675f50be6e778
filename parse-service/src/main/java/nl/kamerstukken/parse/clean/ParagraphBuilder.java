package nl.kamerstukken.parse.clean;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.parse.extract.TextLine;

/**
 * Decides where paragraphs start. With layout: after a blank line, a vertical gap clearly larger than the
 * usual line spacing, a jump upwards (another column or region), a change of font size, or a page break
 * after a line that ends a sentence short of the right edge. Without layout: after a blank line.
 */
final class ParagraphBuilder {

  private static final float GAP = 1.4f;

  private ParagraphBuilder() {}

  static List<CleanLine> build(List<TextLine> lines, LayoutStats stats) {
    List<CleanLine> out = new ArrayList<>(lines.size());
    TextLine previous = null;
    boolean pendingBreak = true;
    for (TextLine line : lines) {
      if (line.isBlank()) {
        pendingBreak = true;
        continue;
      }
      boolean start = pendingBreak || previous == null || breakBetween(previous, line, stats);
      out.add(new CleanLine(line.text(), line.page(), start, false, line.bold(), line.italic(), line.fontSize()));
      previous = line;
      pendingBreak = false;
    }
    return out;
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
        || Math.abs(previous.fontSize() - line.fontSize()) > 1f;
  }

  private static boolean endsParagraph(TextLine line, LayoutStats stats) {
    String text = line.text().strip();
    boolean sentenceEnd = text.matches(".*[.?!:;»”\"')]$");
    return sentenceEnd && line.x1() < stats.rightEdge() - 2 * line.fontSize();
  }
}
