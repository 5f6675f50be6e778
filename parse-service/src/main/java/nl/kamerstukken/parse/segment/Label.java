package nl.kamerstukken.parse.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that opens or closes a question or answer.
 *
 * @param kind what the line is
 * @param numbers the numbers it carries, as printed ("Vraag 3, 4 en 5" gives 3, 4, 5); empty for a
 *     bare "Antwoord" or an end marker
 * @param rest text after a number on the same line ("1. Kunt u ...?"), else empty
 */
record Label(Kind kind, List<String> numbers, String rest) {

  enum Kind {
    /** "Vraag 1", "Vraag 3, 4 en 5", "Vragen 7 t/m 9", "Vraag 2: Kunt u ...?". */
    QUESTION,
    /** "Antwoord 1", "Antwoord 5 en 6", or a bare "Antwoord". */
    ANSWER,
    /**
     * A line that starts with a number: "1", "2.", "3. Kunt u ...?". A question only in some
     * layouts.
     */
    NUMBER,
    /** "Mededeling" (the questions are answered elsewhere): ends the text before it. */
    END
  }

  private static final String NUMBER = "\\d{1,3}[a-z]?";
  private static final String LIST =
      NUMBER + "(?:\\s*(?:,|\\ben\\b|&|t/m|tot en met|[-–])?\\s*" + NUMBER + ")*";

  /** "Vraag 1", "Vraag 1:", or with the text after a colon: "Vraag 1: Heeft u ...?". */
  private static final Pattern QUESTION =
      Pattern.compile(
          "^(?:Vraag|Vragen|VRAAG|VRAGEN)\\s+(?:nr\\.?\\s*)?("
              + LIST
              + ")\\s*(?:[:.]?|:\\s+(\\S.*))$");

  private static final Pattern ANSWER =
      Pattern.compile(
          "^(?:Antwoord|Antwoorden|ANTWOORD|ANTWOORDEN)"
              + "(?:\\s+(?:op\\s+)?(?:(?:vraag|vragen)\\s+)?("
              + LIST
              + "))?\\s*(?:[:.]?|:\\s+(\\S.*))$");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})(?:[.)]|(?=\\s)|$)\\s*(.*)$");
  private static final Pattern END = Pattern.compile("^(?:Mededeling|MEDEDELING)\\s*:?$");
  private static final Pattern TOKEN = Pattern.compile(NUMBER + "|t/m|tot en met|[-–]");

  Label {
    numbers = List.copyOf(numbers);
  }

  /** The label this line is, or null for ordinary text. */
  static Label parse(String line) {
    String text = line.strip();
    if (text.length() > 60 && text.indexOf(':') < 0) {
      return null;
    }
    Matcher m = QUESTION.matcher(text);
    if (m.matches()) {
      return new Label(Kind.QUESTION, numbers(m.group(1)), rest(m.group(2)));
    }
    m = ANSWER.matcher(text);
    if (m.matches()) {
      return new Label(
          Kind.ANSWER, m.group(1) == null ? List.of() : numbers(m.group(1)), rest(m.group(2)));
    }
    if (END.matcher(text).matches()) {
      return new Label(Kind.END, List.of(), "");
    }
    return null;
  }

  private static String rest(String text) {
    return text == null ? "" : text.strip();
  }

  /** The line as a numbered start ("2", "2.", "2. Kunt u"), or null. Not limited in length. */
  static Label numbered(String line) {
    Matcher m = NUMBERED.matcher(line.strip());
    if (!m.matches()) {
      return null;
    }
    String rest = m.group(2).strip();
    if (!rest.isEmpty()
        && !Character.isLetter(rest.charAt(0))
        && rest.charAt(0) != '«'
        && rest.charAt(0) != '(') {
      return null;
    }
    return new Label(Kind.NUMBER, List.of(m.group(1)), rest);
  }

  /** "3, 4 en 5" → 3, 4, 5; "7, 8, 9 10 en 11" → 7..11; "1 t/m 3" → 1, 2, 3. */
  static List<String> numbers(String list) {
    List<String> numbers = new ArrayList<>();
    Matcher m = TOKEN.matcher(list);
    boolean range = false;
    while (m.find()) {
      String token = m.group();
      if (!Character.isDigit(token.charAt(0))) {
        range = !numbers.isEmpty();
        continue;
      }
      if (range && token.chars().allMatch(Character::isDigit)) {
        expand(numbers, Integer.parseInt(token));
      }
      numbers.add(token);
      range = false;
    }
    return numbers;
  }

  private static void expand(List<String> numbers, int to) {
    String last = numbers.get(numbers.size() - 1);
    if (!last.chars().allMatch(Character::isDigit)) {
      return;
    }
    int from = Integer.parseInt(last);
    for (int n = from + 1; n < to && to - from < 50; n++) {
      numbers.add(String.valueOf(n));
    }
  }

  int firstNumber() {
    return Integer.parseInt(numbers.get(0).replaceAll("\\D", ""));
  }
}
