package nl.kamerstukken.parse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.text.TextPosition;

/**
 * The glyphs drawn so far on one page, to drop a glyph drawn again on (nearly) the same spot: "fake bold"
 * and shadow effects draw every glyph twice. The rule is PDFBox's {@code suppressDuplicateOverlappingText}
 * (same text, x and y both closer than a third of the glyph's width); PDFBox keeps sorted maps for it, which
 * cost a quarter of our whole parse time, so here the glyphs are bucketed by text and row in a hash map.
 */
final class Overprints {

  /** Height of a row bucket in points; a glyph is compared with those in the rows its tolerance reaches. */
  private static final float ROW = 4f;

  private final Map<Long, List<TextPosition>> byRow = new HashMap<>();

  /** Forgets the page's glyphs: call at every page start. */
  void clear() {
    byRow.clear();
  }

  /** Whether the same text was drawn here before on this page; if not, the glyph is remembered. */
  boolean repeats(TextPosition glyph) {
    String text = glyph.getUnicode();
    if (text == null || text.isEmpty()) {
      return false;
    }
    float tolerance = glyph.getWidth() / text.length() / 3f;
    int row = (int) Math.floor(glyph.getY() / ROW);
    int reach = (int) Math.ceil(tolerance / ROW);
    for (int r = row - reach; r <= row + reach; r++) {
      for (TextPosition other : byRow.getOrDefault(key(text, r), List.of())) {
        if (text.equals(other.getUnicode()) && Math.abs(other.getX() - glyph.getX()) < tolerance
            && Math.abs(other.getY() - glyph.getY()) < tolerance) {
          return true;
        }
      }
    }
    byRow.computeIfAbsent(key(text, row), k -> new ArrayList<>()).add(glyph);
    return false;
  }

  private static long key(String text, int row) {
    return ((long) text.hashCode() << 32) | (row & 0xffffffffL);
  }
}
