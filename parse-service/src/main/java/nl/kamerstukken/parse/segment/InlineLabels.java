package nl.kamerstukken.parse.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline question and answer labels of historical pages: "1. Is ...? 2. Indien ...", "1 Ja. 2 Ja. 3
 * en 4 Het ...", "2 t/m 4", "2, 3, 4en 5", "2a"/"2b", and labels glued to the word ("1Kent"). A
 * number is a label only where a sentence or line starts, when a capital (or quote) follows, and
 * when it continues the numbering: inline the next number, at a line start also a jump of up to
 * three, whose skipped numbers are labels the OCR lost: they go to the next lines that start a
 * sentence. Texts keep their line breaks until {@link #clean}.
 */
final class InlineLabels {

  /** A label: its numbers and the text after it up to the next label. */
  record Entry(List<String> numbers, String text) {}

  private static final Pattern LABEL =
      Pattern.compile(
          "(\\d{1,2}[a-z]?)((?:\\s*,\\s*\\d{1,2}|\\s*(?:en|t/m|tot en met)\\s*\\d{1,2})*)"
              + "(?:\\.(?!\\d)\\s*|\\s+|(?=\\p{Lu}))(?=[\\p{Lu}„\"'«(])");

  private static final Pattern NUMBER = Pattern.compile("\\d{1,2}[a-z]?");
  private static final Pattern FOOTNOTE_LINE = Pattern.compile("^[1-9'’]\\s?\\S[^?]{0,150}$");
  private static final Pattern ASIDE = Pattern.compile("^(?:Toelichting|Verbetering)\\b.*");
  private static final Pattern LINE_LABEL = Pattern.compile("^\\d{1,2}[a-z]?[ .]?\\s*\\p{Lu}.*");
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.?!]['’\"”»]?\\d?\\s*$");
  private static final Pattern QUESTION_END = Pattern.compile(".*\\?['’\"”»]?\\d?\\s*$");

  private InlineLabels() {}

  /**
   * The block's lines without the margin words "Antwoord"/"Mededeling", "Toelichting" and
   * "Verbetering" asides, and (for questions) the footnote lines after the last question.
   */
  static String body(String block, boolean questions) {
    String fixed = block.replaceAll("(?m)^ï\\.", "1.");
    List<String> lines = new ArrayList<>();
    boolean aside = false;
    for (String line : fixed.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.equals("Antwoord") || t.equals("Mededeling")) {
        continue;
      }
      if (ASIDE.matcher(t).matches()) {
        aside = true;
        continue;
      }
      if (aside && !LINE_LABEL.matcher(t).matches()) {
        continue;
      }
      aside = false;
      lines.add(t);
    }
    while (questions
        && lines.size() > 1
        && FOOTNOTE_LINE.matcher(lines.get(lines.size() - 1)).matches()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines);
  }

  /** The labelled entries of a body, with lost labels restored where the numbering jumps. */
  static List<Entry> find(String body) {
    List<int[]> spans = new ArrayList<>();
    List<List<String>> numbers = new ArrayList<>();
    int lastBase = 0;
    char lastLetter = 0;
    Matcher m = LABEL.matcher(body);
    int from = 0;
    while (from < body.length() && m.find(from)) {
      from = m.start() + 1;
      boolean lineStart = m.start() == 0 || body.charAt(m.start() - 1) == '\n';
      if (!lineStart && !afterSentence(body, m.start())) {
        continue;
      }
      List<String> nums = expand(m.group(1), m.group(2));
      int base = base(nums.get(0));
      char letter = letter(nums.get(0));
      boolean next =
          base == lastBase + 1 && (letter == 0 || letter == 'a')
              || base == lastBase && letter != 0 && lastLetter != 0 && letter == lastLetter + 1;
      boolean jump = lineStart && letter == 0 && base > lastBase + 1 && base <= lastBase + 4;
      if (!next && !jump) {
        continue;
      }
      if (jump && !spans.isEmpty()) {
        restoreLost(body, spans, numbers, lastBase, base, m.start());
      }
      spans.add(new int[] {m.start(), m.end()});
      numbers.add(nums);
      String last = nums.get(nums.size() - 1);
      lastBase = base(last);
      lastLetter = letter(last);
      from = m.end();
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : body.length();
      entries.add(new Entry(numbers.get(i), body.substring(spans.get(i)[1], end)));
    }
    return entries;
  }

  /**
   * Lost labels between the previous label and a jump to {@code base}: next sentence-start lines.
   */
  private static void restoreLost(
      String body, List<int[]> spans, List<List<String>> numbers, int lastBase, int base, int to) {
    int from = spans.get(spans.size() - 1)[1];
    int missing = lastBase + 1;
    int lineStart = body.indexOf('\n', from);
    while (lineStart >= 0 && lineStart < to && missing < base) {
      String previous = body.substring(body.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
      int start = lineStart + 1;
      if (start < to
          && Character.isUpperCase(body.charAt(start))
          && SENTENCE_END.matcher(previous).matches()) {
        spans.add(new int[] {start, start});
        numbers.add(List.of(String.valueOf(missing++)));
      }
      lineStart = body.indexOf('\n', start);
    }
  }

  /**
   * The entries with lines after the last question that are questions themselves (the line before
   * ends with "?", the line starts with a capital and ends with "?") split off as the next numbers.
   */
  static List<Entry> withTrailingQuestions(List<Entry> entries) {
    List<Entry> out = new ArrayList<>(entries);
    if (out.isEmpty()) {
      return out;
    }
    Entry last = out.remove(out.size() - 1);
    String[] lines = last.text().split("\n");
    int next = highest(entries);
    StringBuilder current = new StringBuilder(lines[0]);
    List<String> currentNumbers = last.numbers();
    for (int i = 1; i < lines.length; i++) {
      boolean question =
          QUESTION_END.matcher(lines[i - 1]).matches()
              && QUESTION_END.matcher(lines[i]).matches()
              && !lines[i].isEmpty()
              && Character.isUpperCase(lines[i].charAt(0));
      if (question) {
        out.add(new Entry(currentNumbers, current.toString()));
        currentNumbers = List.of(String.valueOf(++next));
        current = new StringBuilder(lines[i]);
      } else {
        current.append('\n').append(lines[i]);
      }
    }
    out.add(new Entry(currentNumbers, current.toString()));
    return out;
  }

  /** Lines at the end of a reply that are questions printed out of reading order. */
  static List<String> trailingQuestions(String reply) {
    String[] lines = reply.strip().split("\n");
    List<String> found = new ArrayList<>();
    for (int i = lines.length - 1; i > 0; i--) {
      String t = lines[i].strip();
      if (t.isEmpty()
          || !Character.isUpperCase(t.charAt(0))
          || !QUESTION_END.matcher(t).matches()
          || !SENTENCE_END.matcher(lines[i - 1]).matches()) {
        break;
      }
      found.add(0, t);
    }
    return found;
  }

  /** The text without the given lines at its end. */
  static String without(String text, List<String> lines) {
    String out = text.strip();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (out.endsWith(lines.get(i))) {
        out = out.substring(0, out.length() - lines.get(i).length()).strip();
      }
    }
    return out;
  }

  /** The highest number (without sub-letter) of the entries, 0 when there are none. */
  static int highest(List<Entry> entries) {
    int max = 0;
    for (Entry e : entries) {
      for (String n : e.numbers()) {
        max = Math.max(max, base(n));
      }
    }
    return max;
  }

  /** Text as published: one line, footnote marker digits after a word or "?" left out. */
  static String clean(String text) {
    return text.replace('\n', ' ')
        .replaceAll("(?<=\\p{L})[1-9](?=[?!.,;:])", "")
        .replaceAll("(?<=[?!.])[1-9](?=\\s|$)", "")
        .replaceAll("\\s{2,}", " ")
        .strip();
  }

  private static boolean afterSentence(String body, int at) {
    int i = at - 1;
    int spaces = 0;
    while (i >= 0 && body.charAt(i) == ' ') {
      i--;
      spaces++;
    }
    return spaces > 0 && i >= 0 && ".?!:;)'\"”»’".indexOf(body.charAt(i)) >= 0;
  }

  private static List<String> expand(String first, String rest) {
    List<String> nums = new ArrayList<>();
    nums.add(first);
    if (rest == null || rest.isBlank()) {
      return nums;
    }
    boolean range = false;
    Matcher tokens = Pattern.compile("t/m|tot en met|\\d{1,2}").matcher(rest);
    while (tokens.find()) {
      String t = tokens.group();
      if (!Character.isDigit(t.charAt(0))) {
        range = true;
        continue;
      }
      int n = Integer.parseInt(t);
      if (range) {
        for (int k = base(nums.get(nums.size() - 1)) + 1; k < n; k++) {
          nums.add(String.valueOf(k));
        }
        range = false;
      }
      nums.add(t);
    }
    return nums;
  }

  private static int base(String number) {
    Matcher m = NUMBER.matcher(number);
    return m.find() ? Integer.parseInt(number.replaceAll("[a-z]", "")) : 0;
  }

  private static char letter(String number) {
    char c = number.charAt(number.length() - 1);
    return Character.isLetter(c) ? c : 0;
  }
}
