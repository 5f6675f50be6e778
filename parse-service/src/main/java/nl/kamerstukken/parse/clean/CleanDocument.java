package nl.kamerstukken.parse.clean;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.Footnote;
import nl.kamerstukken.parse.extract.TextLine;

/**
 * The cleaned body of a document.
 *
 * @param lines body lines in reading order
 * @param footnotes footnotes moved out of the body
 * @param furniture what was removed as page furniture (running headers and footers, colophon, page
 *     numbers), kept because it can carry metadata such as the identifier
 */
public record CleanDocument(
    List<CleanLine> lines, List<Footnote> footnotes, List<TextLine> furniture) {

  public CleanDocument {
    lines = List.copyOf(lines);
    footnotes = List.copyOf(footnotes);
    furniture = List.copyOf(furniture);
  }

  /**
   * Lines {@code from} (inclusive) to {@code to} (exclusive) as text: paragraphs separated by a
   * blank line.
   */
  public String text(int from, int to) {
    return join(lines.subList(from, to));
  }

  /** The lines as text: lines of a paragraph joined by a space, paragraphs by a blank line. */
  public static String join(List<CleanLine> lines) {
    StringBuilder text = new StringBuilder();
    for (CleanLine line : lines) {
      if (text.length() > 0) {
        text.append(line.joinsPrevious() ? "" : line.paragraphStart() ? "\n\n" : " ");
      }
      text.append(line.text());
    }
    return text.toString();
  }

  /** All body paragraphs, each as one string. */
  public List<String> paragraphs() {
    List<String> paragraphs = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= lines.size(); i++) {
      if (i == lines.size() || lines.get(i).paragraphStart()) {
        paragraphs.add(text(start, i));
        start = i;
      }
    }
    return paragraphs;
  }
}
