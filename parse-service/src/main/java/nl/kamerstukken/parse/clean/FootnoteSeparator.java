package nl.kamerstukken.parse.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.model.Footnote;
import nl.kamerstukken.parse.extract.TextLine;

/**
 * Moves footnotes out of the body. A footnote starts at a line set smaller than the body text that
 * begins with a number that is referenced as a superscript in the body (or that continues the
 * numbering below the last body line of a page, in its lower half); smaller lines after it continue
 * it. Footnotes may stand mid-page (Aspose output), so position alone does not decide; one set in
 * the body size is recognised by its raised number below the last body line. In text without layout
 * a footnote is a line that starts with a superscript number ({@code ¹ Kamerstukken II ...}).
 * Afterwards, superscript digits in the body that match a footnote number are dropped; other
 * superscripts stay as plain digits.
 */
final class FootnoteSeparator {

  private static final Pattern LEADING_NUMBER =
      Pattern.compile("^(\\d{1,3})(?:[.)]?\\s+|(?=\\p{L}))(\\S.*)$");

  private FootnoteSeparator() {}

  record Result(List<TextLine> body, List<Footnote> footnotes) {}

  static Result separate(List<TextLine> lines, LayoutStats stats, List<Footnote> known) {
    Set<String> references = references(lines, stats);
    Map<Integer, Float> lowestBody = lowestBodyLine(lines, stats);
    List<TextLine> body = new ArrayList<>(lines.size());
    List<Footnote> footnotes = new ArrayList<>(known);
    StringBuilder current = null;
    String number = null;
    int lastNumber = 0;
    TextLine startLine = null;
    for (TextLine line : lines) {
      boolean belowBody = line.y() > lowestBody.getOrDefault(line.page(), Float.MAX_VALUE);
      Matcher start = footnoteStart(line, stats, references, lastNumber, belowBody);
      if (start != null) {
        close(footnotes, number, current);
        number = start.group(1);
        lastNumber = Integer.parseInt(number);
        current = new StringBuilder(start.group(2));
        startLine = line;
      } else if (current != null && continues(startLine, line, stats)) {
        appendLine(current, line.text());
      } else {
        if (!line.isBlank() || !stats.isSmall(line)) {
          close(footnotes, number, current);
          current = null;
        }
        body.add(line);
      }
    }
    close(footnotes, number, current);
    Set<String> numbers = new HashSet<>();
    footnotes.forEach(f -> numbers.add(f.number()));
    List<TextLine> cleaned = new ArrayList<>(body.size());
    for (TextLine line : body) {
      cleaned.add(withoutReferences(line, numbers));
    }
    return new Result(cleaned, footnotes);
  }

  /**
   * Whether the line continues the footnote that started at {@code start}: on the same page, set
   * small, or (for a footnote in the body size) in the start's size below it.
   */
  private static boolean continues(TextLine start, TextLine line, LayoutStats stats) {
    if (line.page() != start.page() || line.isBlank()) {
      return false;
    }
    return stats.isSmall(line)
        || (line.hasGeometry()
            && !stats.isSmall(start)
            && line.y() > start.y()
            && line.fontSize() == start.fontSize());
  }

  private static Matcher footnoteStart(
      TextLine line, LayoutStats stats, Set<String> references, int last, boolean belowBody) {
    boolean leadingSuperscript =
        !line.superscripts().isEmpty() && line.superscripts().get(0).start() == 0;
    Matcher m = LEADING_NUMBER.matcher(line.text());
    if (!line.hasGeometry() || !m.matches()) {
      return !line.hasGeometry() && leadingSuperscript && m.matches() ? m : null;
    }
    String number = m.group(1);
    boolean referenced = references.contains(number);
    if (!stats.isSmall(line)) {
      // A footnote set in the body size still has its number raised.
      return leadingSuperscript && referenced && belowBody ? m : null;
    }
    boolean continues =
        belowBody && stats.isLowerHalf(line) && Integer.parseInt(number) == last + 1;
    return referenced || continues ? m : null;
  }

  /**
   * Per page the baseline of the lowest body-size line that does not start with a raised number.
   */
  private static Map<Integer, Float> lowestBodyLine(List<TextLine> lines, LayoutStats stats) {
    Map<Integer, Float> lowest = new HashMap<>();
    for (TextLine line : lines) {
      boolean raisedStart =
          !line.superscripts().isEmpty() && line.superscripts().get(0).start() == 0;
      if (!line.isBlank() && stats.isBodySize(line) && !raisedStart) {
        lowest.merge(line.page(), line.y(), Math::max);
      }
    }
    return lowest;
  }

  private static Set<String> references(List<TextLine> lines, LayoutStats stats) {
    Set<String> references = new HashSet<>();
    for (TextLine line : lines) {
      boolean bodyLine = !line.hasGeometry() || !stats.isSmall(line);
      if (bodyLine && line.hasGeometry()) {
        // references printed as plain digits glued after "?" or a word's full stop
        for (int[] glued : gluedDigits(line.text())) {
          references.add(line.text().substring(glued[0], glued[1]));
        }
      }
      for (TextLine.Superscript s : line.superscripts()) {
        if (bodyLine && s.start() > 0) {
          for (String part : line.text().substring(s.start(), s.end()).split(",")) {
            references.add(part.strip());
          }
        }
      }
    }
    return references;
  }

  private static void appendLine(StringBuilder text, String line) {
    int n = text.length();
    if (n > 1
        && text.charAt(n - 1) == '-'
        && Character.isLetter(text.charAt(n - 2))
        && !line.isEmpty()
        && Character.isLowerCase(line.charAt(0))
        && text.indexOf("/") < 0) {
      text.setLength(n - 1);
    } else if (n > 0 && text.charAt(n - 1) != '-' && text.charAt(n - 1) != '/') {
      text.append(' ');
    }
    text.append(line);
  }

  private static void close(List<Footnote> footnotes, String number, StringBuilder text) {
    if (number != null && text != null) {
      footnotes.add(new Footnote(number, text.toString().strip()));
    }
  }

  /**
   * Drops superscripts that refer to a footnote; keeps the others as plain digits. Reference digits
   * the layout did not mark as superscripts are dropped too where they stand glued after a question
   * mark or after a word's full stop ("geïnformeerd?4", "uit 2021?11 Waarom"): there a number is no
   * part of the sentence, when it is the number of a footnote of the document.
   */
  private static TextLine withoutReferences(TextLine line, Set<String> numbers) {
    if (line.superscripts().isEmpty()) {
      return withoutPlainReferences(line, numbers);
    }
    StringBuilder text = new StringBuilder(line.text());
    List<TextLine.Superscript> spans = new ArrayList<>(line.superscripts());
    for (int i = spans.size() - 1; i >= 0; i--) {
      TextLine.Superscript s = spans.get(i);
      String value = line.text().substring(s.start(), s.end());
      boolean reference = s.start() > 0 && !value.isEmpty();
      for (String part : value.split(",")) {
        reference &= numbers.contains(part.strip());
      }
      if (reference) {
        text.delete(s.start(), s.end());
      }
    }
    return withoutPlainReferences(
        line.withText(text.toString().replaceAll(" {2,}", " ").strip(), List.of()), numbers);
  }

  private static TextLine withoutPlainReferences(TextLine line, Set<String> numbers) {
    if (numbers.isEmpty()) {
      return line;
    }
    String text = line.text();
    StringBuilder out = null;
    int copied = 0;
    for (int[] glued : gluedDigits(text)) {
      if (numbers.contains(text.substring(glued[0], glued[1]))) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, copied, glued[0]);
        copied = glued[1];
      }
    }
    if (out == null) {
      return line;
    }
    out.append(text, copied, text.length());
    return line.withText(out.toString(), line.superscripts());
  }

  /**
   * Spans of one or two digits glued after "?" or "!" (or after a word and its full stop) and
   * followed by a space or the line's end: "geïnformeerd?4", "uit 2021?11 Waarom".
   */
  private static List<int[]> gluedDigits(String text) {
    List<int[]> spans = List.of();
    for (int i = 1; i < text.length(); i++) {
      char mark = text.charAt(i - 1);
      boolean after =
          mark == '?'
              || mark == '!'
              || mark == '.' && i >= 2 && Character.isLetter(text.charAt(i - 2));
      if (!after || !isDigit(text.charAt(i))) {
        continue;
      }
      int end = i + 1 < text.length() && isDigit(text.charAt(i + 1)) ? i + 2 : i + 1;
      if (end == text.length() || Character.isWhitespace(text.charAt(end))) {
        spans = spans.isEmpty() ? new ArrayList<>() : spans;
        spans.add(new int[] {i, end});
      }
    }
    return spans;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
