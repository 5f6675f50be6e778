package nl.kamerstukken.parse.metadata;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.parse.clean.CleanLine;

/**
 * The head of a Kamerstuk in the official layout: "26 643 Informatie- en communicatietechnologie
 * (ICT)", "Nr. 1522 BRIEF VAN DE STAATSSECRETARIS VAN ...", and, for a letter, "Aan de Voorzitter
 * van ...", "Den Haag, 16 juni 2026", the signature ("De staatssecretaris van ...," then the name)
 * and the committee whose questions it answers.
 */
record KamerstukHeader(
    String dossierNumber,
    String dossierTitle,
    String stukNumber,
    String stukTitle,
    String addressee,
    LocalDate date,
    String signatoryRole,
    String signatory,
    String committee,
    LocalDate submittedDate) {

  private static final Pattern DOSSIER =
      Pattern.compile("^(\\d{2} ?\\d{3}(?:-[A-Z0-9]{1,4})?)(?:\\s+(.+))?$");
  private static final Pattern STUK = Pattern.compile("^Nr\\.\\s*(\\d{1,5})(?:\\s+(.+))?$");
  private static final Pattern ADDRESSEE =
      Pattern.compile("^Aan (?:de |het )?((?:[Vv]oorzitter|[Pp]resident).+)$");
  private static final Pattern DATE =
      Pattern.compile(
          "^(?:Den Haag|[’']s-Gravenhage|Datum|Voorgesteld|Vastgesteld)"
              + ",?\\s*:?\\s*("
              + DutchDates.DATE
              + ")",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SIGNATURE =
      Pattern.compile(
          "^(?:De|Het)\\s+((?:minister-president|minister|staatssecretaris)\\b.*?),$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("^[\\p{Lu}][\\p{L}.’' -]{1,60}$");
  private static final Pattern COMMITTEE =
      Pattern.compile(
          "\\b((?:vaste |algemene |tijdelijke )?commissie voor [^()]+?)\\s+(?:over|inzake|heeft|naar|betreffende)\\b");
  private static final Pattern CONTINUATION_STOP =
      Pattern.compile("^(?:Voorgesteld|Vastgesteld|Ontvangen|Aan |Den Haag|Datum)");
  private static final Pattern SUBMITTED =
      Pattern.compile("ingezonden\\s+(" + DutchDates.DATE + ")", Pattern.CASE_INSENSITIVE);

  /** Reads the header from the first paragraphs and the lines of the document. */
  static KamerstukHeader parse(List<String> paragraphs, List<CleanLine> lines) {
    String[] numbers = numbers(lines.subList(0, Math.min(lines.size(), 40)));
    String addressee = null;
    LocalDate date = null;
    for (CleanLine line : lines.subList(0, Math.min(lines.size(), 80))) {
      String p = flat(line.text());
      Matcher a = ADDRESSEE.matcher(p);
      addressee = addressee == null && a.matches() ? a.group(1) : addressee;
      Matcher dt = DATE.matcher(p);
      date = date == null && dt.find() ? DutchDates.first(dt.group(1)) : date;
    }
    String committee = null;
    LocalDate submitted = null;
    for (String paragraph : paragraphs.subList(0, Math.min(paragraphs.size(), 30))) {
      String p = flat(paragraph);
      if (committee == null && p.contains("commissie voor")) {
        Matcher c = COMMITTEE.matcher(p);
        committee = c.find() ? c.group(1) : null;
      }
      if (submitted == null && p.contains("ngezonden")) {
        Matcher sm = SUBMITTED.matcher(p);
        submitted = sm.find() ? DutchDates.first(sm.group(1)) : null;
      }
    }
    String[] signature = signature(lines);
    return new KamerstukHeader(
        numbers[0],
        numbers[1],
        numbers[2],
        numbers[3],
        addressee,
        date,
        signature[0],
        signature[1],
        committee,
        submitted);
  }

  /**
   * {dossier, dossier title, number, document title}: all null unless both a dossier and a "Nr."
   * line are printed.
   */
  private static String[] numbers(List<CleanLine> head) {
    String[] found = new String[4];
    for (int i = 0; i < head.size() && found[2] == null; i++) {
      String text = flat(head.get(i).text());
      Matcher d = DOSSIER.matcher(text);
      Matcher s = STUK.matcher(text);
      if (found[0] == null && d.matches()) {
        found[0] = d.group(1).replace(" ", "");
        found[1] = title(d.group(2), head, i);
      } else if (found[0] != null && s.matches()) {
        found[2] = s.group(1);
        found[3] = title(s.group(2), head, i);
      }
    }
    return found[2] == null ? new String[4] : found;
  }

  /**
   * A title that starts after the number on line {@code at} (or, when nothing follows the number,
   * on the next line) and continues on lines of the same paragraph and style, up to a date line or
   * the "Nr." line.
   */
  private static String title(String rest, List<CleanLine> lines, int at) {
    StringBuilder title = new StringBuilder(rest == null ? "" : rest.strip());
    int i = at + 1;
    if (title.length() == 0 && i < lines.size()) {
      title.append(flat(lines.get(i).text()));
      at = i++;
    }
    for (; i < lines.size(); i++) {
      CleanLine line = lines.get(i);
      String text = flat(line.text());
      if (line.paragraphStart()
          || line.bold() != lines.get(at).bold()
          || STUK.matcher(text).matches()
          || CONTINUATION_STOP.matcher(text).find()) {
        break;
      }
      title.append(line.joinsPrevious() ? "" : " ").append(text);
    }
    return title.length() == 0 ? null : title.toString();
  }

  /** {role, name} from a line "De staatssecretaris van ...," followed by a name line. */
  private static String[] signature(List<CleanLine> lines) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      Matcher m = SIGNATURE.matcher(lines.get(i).text().strip());
      if (m.matches()) {
        String name = lines.get(i + 1).text().strip();
        return new String[] {m.group(1), NAME.matcher(name).matches() ? name : null};
      }
    }
    return new String[] {null, null};
  }

  /** Whether a dossier and document number were printed ("26 643" ... "Nr. 1522"). */
  boolean isKamerstuk() {
    return dossierNumber != null && stukNumber != null;
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
