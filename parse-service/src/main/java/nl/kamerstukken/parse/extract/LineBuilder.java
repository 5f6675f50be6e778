package nl.kamerstukken.parse.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.TextPosition;

/**
 * Turns the glyphs PDFBox grouped into one line into a {@link TextLine}: dominant font size and
 * style, baseline, extent, and the runs of superscript digits (raised and smaller than the line's
 * text). Not thread-safe: one per document.
 */
final class LineBuilder {

  /** A glyph is a superscript when smaller than this share of the line's font size... */
  private static final float SMALLER = 0.92f;

  /** ...and its baseline is raised by more than this share of the line's font size. */
  private static final float RAISED = 0.18f;

  private final Map<PDFont, int[]> styles = new IdentityHashMap<>();

  /**
   * Glyphs further apart than this many font sizes belong to different columns (colophon, footer,
   * table).
   */
  private static final float COLUMN_GAP = 3f;

  /**
   * Splits the glyphs of one PDFBox line where they jump backwards or leave a column-wide gap, and
   * builds a {@link TextLine} of each part.
   *
   * @param positions glyphs of one line in reading order; {@code null} marks a word break
   */
  List<TextLine> build(int page, List<TextPosition> positions) {
    List<TextLine> lines = new ArrayList<>(1);
    int start = 0;
    float end = Float.NaN;
    for (int i = 0; i < positions.size(); i++) {
      TextPosition p = positions.get(i);
      if (p == null || p.getUnicode() == null || p.getUnicode().isBlank()) {
        continue;
      }
      float size = Math.max(p.getFontSizeInPt(), 1f);
      if (!Float.isNaN(end)
          && (p.getXDirAdj() - end > COLUMN_GAP * size || p.getXDirAdj() < end - 2 * size)) {
        lines.add(part(page, positions.subList(start, i)));
        start = i;
      }
      end = p.getXDirAdj() + p.getWidthDirAdj();
    }
    lines.add(part(page, positions.subList(start, positions.size())));
    return lines;
  }

  private TextLine part(int page, List<TextPosition> positions) {
    float size = dominantSize(positions);
    TextPosition reference = firstWithSize(positions, size);
    float baseline = reference == null ? 0 : reference.getYDirAdj();
    StringBuilder text = new StringBuilder();
    List<TextLine.Superscript> superscripts = new ArrayList<>();
    int runStart = -1;
    float x0 = Float.MAX_VALUE;
    float x1 = -Float.MAX_VALUE;
    for (TextPosition p : positions) {
      String unicode = p == null ? " " : glyphText(p);
      boolean superscript = p != null && isSuperscriptDigit(p, unicode, size, baseline);
      if (superscript && runStart < 0) {
        runStart = text.length();
      } else if (!superscript && runStart >= 0) {
        superscripts.add(new TextLine.Superscript(runStart, text.length()));
        runStart = -1;
      }
      if (p == null && (text.length() == 0 || text.charAt(text.length() - 1) == ' ')) {
        continue;
      }
      text.append(unicode);
      if (p != null && !unicode.isBlank()) {
        x0 = Math.min(x0, p.getXDirAdj());
        x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
      }
    }
    if (runStart >= 0) {
      superscripts.add(new TextLine.Superscript(runStart, text.length()));
    }
    int[] style = reference == null ? new int[] {0, 0} : style(reference.getFont());
    String composed = text.toString();
    if (hasCombiningMark(composed) && superscripts.isEmpty()) {
      composed = Normalizer.normalize(composed, Normalizer.Form.NFC);
    }
    return trimmed(
        new TextLine(
            page,
            baseline,
            x0 == Float.MAX_VALUE ? 0 : x0,
            x1 < x0 ? x0 : x1,
            size,
            style[0] == 1,
            style[1] == 1,
            composed,
            superscripts));
  }

  /** Combining accents (U+0300 to U+036F) that NFC can fold into the letter before them. */
  private static boolean hasCombiningMark(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u0300' && c <= '\u036F') {
        return true;
      }
    }
    return false;
  }

  private static boolean isSuperscriptDigit(
      TextPosition p, String unicode, float size, float baseline) {
    return unicode.length() == 1
        && Character.isDigit(unicode.charAt(0))
        && p.getFontSizeInPt() < size * SMALLER
        && baseline - p.getYDirAdj() > size * RAISED;
  }

  /** Maps ligatures, soft hyphens and non-breaking spaces to plain characters. */
  private static String glyphText(TextPosition p) {
    String u = p.getUnicode();
    if (u == null || u.isEmpty()) {
      return "";
    }
    if (u.length() == 1) {
      switch (u.charAt(0)) {
        case '\u00A0', '\u2007', '\u202F', '\t':
          return " ";
        case '\u00AD':
          return "-";
        case '\uFB00':
          return "ff";
        case '\uFB01':
          return "fi";
        case '\uFB02':
          return "fl";
        case '\uFB03':
          return "ffi";
        case '\uFB04':
          return "ffl";
        default:
          return u;
      }
    }
    return u;
  }

  /**
   * The size (rounded to half points) most glyphs of the line are set in; sizes are counted in a
   * small array.
   */
  private static float dominantSize(List<TextPosition> positions) {
    float[] sizes = new float[8];
    int[] counts = new int[8];
    int distinct = 0;
    float best = 0;
    int bestCount = 0;
    for (TextPosition p : positions) {
      if (p != null && best == 0) {
        best = Math.round(p.getFontSizeInPt() * 2) / 2f;
      }
      if (p == null || p.getUnicode() == null || p.getUnicode().isBlank()) {
        continue;
      }
      float size = Math.round(p.getFontSizeInPt() * 2) / 2f;
      int slot = 0;
      while (slot < distinct && sizes[slot] != size) {
        slot++;
      }
      if (slot == distinct && distinct < sizes.length) {
        sizes[distinct++] = size;
      } else if (slot == sizes.length) {
        continue;
      }
      int count = ++counts[slot];
      if (count > bestCount || (count == bestCount && size > best)) {
        best = size;
        bestCount = count;
      }
    }
    return best;
  }

  private static TextPosition firstWithSize(List<TextPosition> positions, float size) {
    TextPosition any = null;
    for (TextPosition p : positions) {
      if (p == null) {
        continue;
      }
      any = any == null ? p : any;
      if (p.getUnicode() != null
          && !p.getUnicode().isBlank()
          && Math.abs(Math.round(p.getFontSizeInPt() * 2) / 2f - size) < 0.01f) {
        return p;
      }
    }
    return any;
  }

  /** {bold, italic} as 0/1, from the font name and descriptor; cached per font. */
  private int[] style(PDFont font) {
    if (font == null) {
      return new int[] {0, 0};
    }
    return styles.computeIfAbsent(
        font,
        f -> {
          String name = f.getName() == null ? "" : f.getName().toLowerCase(java.util.Locale.ROOT);
          PDFontDescriptor d = f.getFontDescriptor();
          boolean bold =
              name.contains("bold")
                  || name.contains("black")
                  || name.contains("heavy")
                  || name.contains("demi")
                  || (d != null && (d.isForceBold() || d.getFontWeight() >= 600));
          boolean italic =
              name.contains("italic") || name.contains("oblique") || (d != null && d.isItalic());
          return new int[] {bold ? 1 : 0, italic ? 1 : 0};
        });
  }

  private static TextLine trimmed(TextLine line) {
    String text = line.text();
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int end = text.length();
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start == 0 && end == text.length()) {
      return line;
    }
    List<TextLine.Superscript> moved = new ArrayList<>();
    for (TextLine.Superscript s : line.superscripts()) {
      int from = Math.max(s.start(), start) - start;
      int to = Math.min(s.end(), end) - start;
      if (to > from) {
        moved.add(new TextLine.Superscript(from, to));
      }
    }
    return line.withText(text.substring(start, end), moved);
  }
}
