package nl.kamerstukken.parse.clean;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.parse.extract.TextLine;

/**
 * Joins pieces of one visual line that PDFBox delivered as separate lines: fragments next to each
 * other on (nearly) the same baseline, such as a footnote number set smaller and raised before its
 * text, or a word split by letter spacing ({@code P} + {@code agina 2 van 7}). A digits-only
 * fragment that is smaller and raised becomes a superscript of the joined line.
 */
final class FragmentMerger {

  private FragmentMerger() {}

  static List<TextLine> merge(List<TextLine> lines) {
    List<TextLine> merged = new ArrayList<>(lines.size());
    for (TextLine line : lines) {
      TextLine last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && adjacent(last, line)) {
        merged.set(merged.size() - 1, join(last, line));
      } else {
        merged.add(line);
      }
    }
    return merged;
  }

  private static boolean adjacent(TextLine left, TextLine right) {
    if (left.page() != right.page()
        || !left.hasGeometry()
        || !right.hasGeometry()
        || left.isBlank()
        || right.isBlank()) {
      return false;
    }
    float size = Math.max(left.fontSize(), right.fontSize());
    float gap = right.x0() - left.x1();
    return Math.abs(right.y() - left.y()) <= 0.6f * size && gap >= -1f && gap < 1.5f * size;
  }

  private static TextLine join(TextLine left, TextLine right) {
    float size = Math.max(left.fontSize(), right.fontSize());
    String space =
        right.x0() - left.x1() > 0.12f * Math.min(left.fontSize(), right.fontSize()) ? " " : "";
    String text = left.text() + space + right.text();
    List<TextLine.Superscript> superscripts = new ArrayList<>(left.superscripts());
    int offset = left.text().length() + space.length();
    if (isRaisedNumber(left, right)) {
      superscripts.add(new TextLine.Superscript(0, left.text().length()));
    }
    for (TextLine.Superscript s : right.superscripts()) {
      superscripts.add(new TextLine.Superscript(s.start() + offset, s.end() + offset));
    }
    if (isRaisedNumber(right, left)) {
      superscripts.add(new TextLine.Superscript(offset, text.length()));
    }
    TextLine main = left.text().length() >= right.text().length() ? left : right;
    return new TextLine(
        main.page(),
        main.y(),
        left.x0(),
        Math.max(left.x1(), right.x1()),
        size,
        main.bold(),
        main.italic(),
        text,
        superscripts);
  }

  /** Whether {@code number} is digits only, set smaller than and raised above {@code text}. */
  private static boolean isRaisedNumber(TextLine number, TextLine text) {
    return number.text().chars().allMatch(Character::isDigit)
        && number.superscripts().isEmpty()
        && number.fontSize() < 0.92f * text.fontSize()
        && text.y() - number.y() > 0.18f * text.fontSize();
  }
}
