package nl.kamerstukken.parse.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.parse.clean.CleanLine;

/**
 * The title and date a nota prints, and the title of a page read by OCR (no font sizes, no bold).
 * Three layouts, tried in this order: a Kamerstuk nota's printed heading ("NOTA NAAR AANLEIDING VAN
 * HET VERSLAG", "NOTA VAN WIJZIGING", "Nota naar aanleiding van het verslag"); a ministry nota in
 * the Rijkshuisstijl, whose subject follows its purpose ("(ter beslissing) Project ...", perhaps
 * over two lines, with the margin column's labels read into the line by OCR); and, for OCR pages
 * only, the first substantial paragraph of the first page that is not letterhead. The date is the
 * printed "Datum 14 april 2025" (the date may stand on the next line, as in the margin column).
 *
 * @param title the title as printed, or null
 * @param date the printed date, or null
 */
record NotaHeading(String title, LocalDate date) {

  /** A Kamerstuk nota's heading: all capitals, or the usual mixed-case wordings. */
  private static final Pattern HEADING =
      Pattern.compile(
          "^((?:(?:TWEEDE|DERDE|GEWIJZIGDE|AANVULLENDE)\\s+)?NOTA(?:\\s+[A-Z][A-Z0-9 ,.'’-]*)?"
              + "|(?:(?:Tweede|Derde|Gewijzigde|Aanvullende)\\s+)?[Nn]ota\\s+(?:naar aanleiding van"
              + " het (?:nader |tweede )?verslag|van wijziging|van antwoord)\\b.*)$");

  /** A Rijkshuisstijl nota's subject after its purpose: "(ter beslissing) Onderwerp". */
  private static final Pattern PURPOSE =
      Pattern.compile(
          "^\\(\\s*ter\\s+(?:beslissing|informatie|kennisname|advisering|advies|ondertekening"
              + "|besluitvorming|goedkeuring|accordering|bespreking)\\s*\\)\\s*(.+)$",
          Pattern.CASE_INSENSITIVE);

  /** Labels of the margin column that OCR reads into the end of a body line. */
  private static final Pattern MARGIN_LABEL =
      Pattern.compile(
          "\\s+(?:Bijlage\\(n\\)|Bijlagen?|Datum|(?:Uw |Ons )?[Kk]enmerk|Document|Deadline"
              + "|Contactpersoon|Pagina \\d+ van \\d+)\\s*[:;_|.,-]*$");

  private static final Pattern TRAILING_NOISE = Pattern.compile("[\\s:;_|,-]+$");
  private static final Pattern SECTION = Pattern.compile("^(?:\\d+|[a-z]|[IVX]+)[.)]\\s");

  /** First words of letterhead and margin lines, which are never the title. */
  private static final Pattern LETTERHEAD =
      Pattern.compile(
          "^(?:Ministerie|Directoraat|Directie|Afdeling|Aan|Van|Datum|Kenmerk|Uw kenmerk"
              + "|Ons kenmerk|Deadline|Pagina|Postbus|Retouradres|Contactpersoon|Bijlage|Document"
              + "|Ontworpen|Telefoon|E-mail|Tweede Kamer|Eerste Kamer|nota\\b)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DATED =
      Pattern.compile("\\bDatum\\s*:?\\s+(" + DutchDates.DATE + ")", Pattern.CASE_INSENSITIVE);

  /** "Datum" as a margin label, perhaps with other labels beside it ("Datum Kenmerk"). */
  private static final Pattern DATUM_LABEL = Pattern.compile("^Datum(?:\\s+\\p{L}+)*\\s*:?$");

  private static final Pattern LEADING_DATE =
      Pattern.compile("^(" + DutchDates.DATE + ")", Pattern.CASE_INSENSITIVE);

  private static final int HEAD_LINES = 80;

  /**
   * @param lines the cleaned lines of the document
   * @param ocr whether the document's pages came from OCR (the first-paragraph rule applies)
   */
  static NotaHeading read(List<CleanLine> lines, boolean ocr) {
    List<CleanLine> head = lines.subList(0, Math.min(lines.size(), HEAD_LINES));
    String title = null;
    for (int i = 0; i < head.size() && title == null; i++) {
      Matcher m = HEADING.matcher(head.get(i).text().strip());
      title = m.matches() ? m.group(1) : null;
    }
    for (int i = 0; i < head.size() && title == null; i++) {
      Matcher m = PURPOSE.matcher(head.get(i).text().strip());
      title = m.matches() ? continued(m.group(1), head, i + 1) : null;
    }
    if (title == null && ocr) {
      title = firstParagraph(head);
    }
    return new NotaHeading(title, date(head));
  }

  /** The subject with its continuation lines (same paragraph, not a numbered section). */
  private static String continued(String first, List<CleanLine> head, int next) {
    List<String> parts = new ArrayList<>(List.of(clean(first)));
    for (int i = next; i < Math.min(head.size(), next + 2); i++) {
      CleanLine line = head.get(i);
      String text = line.text().strip();
      if (line.paragraphStart()
          || SECTION.matcher(text).find()
          || LETTERHEAD.matcher(text).find()) {
        break;
      }
      parts.add(clean(text));
    }
    String joined = String.join(" ", parts).replaceAll("\\s+", " ").strip();
    return joined.isEmpty() ? null : joined;
  }

  /**
   * The first paragraph of the first page that is not letterhead and reads as a heading: at least
   * three words, at most three lines, mostly letters, not a sentence.
   */
  private static String firstParagraph(List<CleanLine> head) {
    int i = 0;
    while (i < head.size() && head.get(i).page() == 1) {
      int end = i + 1;
      while (end < head.size() && !head.get(end).paragraphStart() && head.get(end).page() == 1) {
        end++;
      }
      List<CleanLine> paragraph = head.subList(i, end);
      String first = paragraph.get(0).text().strip();
      if (!LETTERHEAD.matcher(first).find() && paragraph.size() <= 3) {
        String text = continued(first, paragraph, 1);
        if (text != null && isHeading(text)) {
          return text;
        }
      }
      i = end;
    }
    return null;
  }

  private static boolean isHeading(String text) {
    long letters = text.chars().filter(Character::isLetter).count();
    return text.split(" ").length >= 3
        && letters >= 0.7 * text.replace(" ", "").length()
        && Character.isUpperCase(text.codePointAt(0))
        && !text.endsWith(".");
  }

  private static String clean(String text) {
    String t = text;
    for (String previous = null; !t.equals(previous); ) {
      previous = t;
      t = MARGIN_LABEL.matcher(t).replaceFirst("");
      t = TRAILING_NOISE.matcher(t).replaceFirst("");
    }
    return t.strip();
  }

  private static LocalDate date(List<CleanLine> head) {
    for (int i = 0; i < head.size(); i++) {
      String text = head.get(i).text().strip();
      Matcher m = DATED.matcher(text);
      if (m.find()) {
        return DutchDates.first(m.group(1));
      }
      if (DATUM_LABEL.matcher(text).matches() && i + 1 < head.size()) {
        Matcher next = LEADING_DATE.matcher(head.get(i + 1).text().strip());
        if (next.find()) {
          return DutchDates.first(next.group(1));
        }
      }
    }
    return null;
  }
}
