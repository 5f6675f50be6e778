package nl.kamerstukken.parse.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.parse.clean.CleanLine;

/**
 * A page of the Aanhangsel van de Handelingen as printed 1948-1995 (OCR text of Staten-Generaal
 * Digitaal, or a PDF of it): one or more items, each a heading "VRAGEN van de heer X ...
 * (Ingezonden D)" (1948-1974) or "Vragen van het lid X (Partij) over ... (Ingezonden D)"
 * (1974-1995), the questions, and a reply heading "ANTWOORD van ...", "Antwoord Antwoord van ..."
 * or "MEDEDELING van ..." closed by "(Ontvangen D)" or "(Ingezonden D)", then the answers. Running
 * footers, printer's lines and page numbers are left out. The date word is matched with the OCR's
 * hyphens and its "l" for "I"; the capital I is what tells these headings from modern ones
 * ("(ingezonden D)").
 */
public final class HistoricalPage {

  /** Page furniture of these pages: page numbers, footers, printer's lines. */
  private static final Pattern FURNITURE =
      Pattern.compile(
          "(?i)^(?:\\d{1,5}:?|.*\\bISSN.*|'?\\s*s[- ]?Gravenhage \\d{4}"
              + "|(?:Tweede|Eerste) Kamer, (?:vergaderjaar|zitting) \\d{4}\\s*[-—–]\\s*\\d{4},"
              + " Aanhangsel|(?:Deel \\S+ )?(?:Aanhangsel )?(?:Tweede Kamer, )?Zitting \\d{4}\\s*[-—–]\\s*\\d{4}.*"
              + "|Deel \\S+ Aanhangsel.*|(?:TWEEDE|EERSTE) KAMER|Handelingen der Staten-Generaal.*Aanhangsel)$");

  private static final Pattern ITEM_HEAD =
      Pattern.compile(
          "(?:(\\d[\\d ]{0,5}?)\\s*[.•]?\\s*)?(?:Nadere\\s+)?(?:VRAGEN|VRAAG|[Vv]ragen|[Vv]raag)\\s+van\\s+"
              + "(?:de\\s+heer|het\\s+lid|de\\s+leden|mevrouw|mejuffrouw|de\\s+dames|de\\s+heren)\\b");

  private static final Pattern SUBMITTED =
      Pattern.compile("\\(\\s*[Il]" + fuzzy("ngezonden") + "\\b([^)\\n]*)(?:\\)|(?=\\n)|$)");

  private static final Pattern REPLY_HEAD =
      Pattern.compile(
          "(?:(?:Antwoord|Mededeling|ANTWOORD|MEDEDELING)\\s+)?(?:NADER\\s+|Nader\\s+)?"
              + "(ANTWOORD|Antwoord|MEDEDELING|Mededeling)\\s+van\\s+");

  private static final Pattern REPLY_DATE =
      Pattern.compile(
          "\\(\\s*(?:[Il]"
              + fuzzy("ngezonden")
              + "|O"
              + fuzzy("ntvangen")
              + ")\\b([^)\\n]*)(?:\\)|(?=\\n)|$)");

  private static final Pattern SEE_ALSO = Pattern.compile("\\G\\s*\\([Zz]ie ook[^)]*\\)\\.?");

  /**
   * One Aanhangsel item of the page.
   *
   * @param number the printed item number ("2017"), or null
   * @param heading the question heading, from "VRAGEN van" to the submitted date
   * @param submitted the text inside "(Ingezonden ...)"
   * @param reply the reply heading ("Antwoord van ... (Ontvangen D)"), or null when the page has
   *     none
   * @param replied the text of the reply's date parenthesis, or null
   * @param mededeling whether the reply is a Mededeling (no answers)
   * @param questions the text between the heading and the reply heading
   * @param answers the text after the reply heading, up to the next item
   */
  public record Item(
      String number,
      String heading,
      String submitted,
      String reply,
      String replied,
      boolean mededeling,
      String questions,
      String answers) {}

  private HistoricalPage() {}

  /** The page's items; empty when it prints no historical Kamervragen heading. */
  public static List<Item> read(List<CleanLine> lines) {
    return read(text(lines));
  }

  /**
   * The body without page furniture: one line per printed block (a line of OCR text, a paragraph of
   * a PDF), words broken at a line end joined.
   */
  static String text(List<CleanLine> lines) {
    StringBuilder text = new StringBuilder();
    for (CleanLine line : lines) {
      String t = line.text().strip();
      if (FURNITURE.matcher(t).matches()) {
        continue;
      }
      if (text.length() > 0) {
        // OCR text (no geometry): every line is a printed block; a PDF: its paragraphs are
        text.append(
            line.joinsPrevious() ? "" : line.fontSize() == 0 || line.paragraphStart() ? "\n" : " ");
      }
      text.append(t);
    }
    return text.toString();
  }

  static List<Item> read(String text) {
    List<int[]> heads = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    List<String> submitted = new ArrayList<>();
    Matcher head = ITEM_HEAD.matcher(text);
    int from = 0;
    while (head.find(from)) {
      from = head.end();
      if (!atSentenceStart(text, head.start())) {
        continue;
      }
      Matcher date =
          SUBMITTED.matcher(text).region(head.end(), Math.min(text.length(), head.end() + 700));
      if (!date.find()) {
        continue;
      }
      heads.add(new int[] {head.start(), date.end()});
      numbers.add(head.group(1) == null ? null : head.group(1).replace(" ", ""));
      submitted.add(date.group(1).strip());
      from = date.end();
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < heads.size(); i++) {
      int start = heads.get(i)[1];
      int end = i + 1 < heads.size() ? heads.get(i + 1)[0] : text.length();
      items.add(item(text, heads.get(i)[0], start, end, numbers.get(i), submitted.get(i)));
    }
    return items;
  }

  private static Item item(
      String text, int headStart, int start, int end, String number, String submitted) {
    String heading = text.substring(headStart, start);
    Matcher reply = REPLY_HEAD.matcher(text).region(start, end);
    while (reply.find()) {
      if (!atSentenceStart(text, reply.start())) {
        continue;
      }
      Matcher date = REPLY_DATE.matcher(text).region(reply.end(), Math.min(end, reply.end() + 600));
      if (!date.find()) {
        continue;
      }
      int answersFrom = date.end();
      Matcher seeAlso = SEE_ALSO.matcher(text).region(answersFrom, end);
      if (seeAlso.find()) {
        answersFrom = seeAlso.end();
      }
      boolean mededeling = reply.group(1).equalsIgnoreCase("mededeling");
      return new Item(
          number,
          heading,
          submitted,
          text.substring(reply.start(), date.end()),
          date.group(1).strip(),
          mededeling,
          text.substring(start, reply.start()),
          text.substring(answersFrom, end));
    }
    return new Item(number, heading, submitted, null, null, false, text.substring(start, end), "");
  }

  /** At the text's start, a line's start, or after the end of a sentence. */
  private static boolean atSentenceStart(String text, int at) {
    int i = at - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    return i < 0 || text.charAt(i) == '\n' || ".?!)'\"”»".indexOf(text.charAt(i)) >= 0;
  }

  /**
   * The word's letters, each optionally followed by a hyphen and a line break (OCR hyphenation).
   */
  static String fuzzy(String word) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      if (i > 0) {
        regex.append("(?:-\\s*)?");
      }
      regex.append(Pattern.quote(String.valueOf(word.charAt(i))));
    }
    return regex.toString();
  }
}
