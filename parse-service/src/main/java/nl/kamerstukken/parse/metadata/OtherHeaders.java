package nl.kamerstukken.parse.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.parse.clean.CleanLine;

/**
 * Header cues of the other document kinds: a verslag schriftelijk overleg ("... heeft een aantal
 * vragen en opmerkingen voorgelegd aan de minister van X over Y.", "Inbreng van de leden van de
 * X-fractie"), a besluitenlijst ("Document: Besluitenlijst van ..."), a ministry letter or nota
 * ("Betreft ...", "Onderwerp: ..."), and the most prominent heading of the first page.
 */
record OtherHeaders(
    String consultedAddressee,
    String consultedSubject,
    LocalDate consultedSubmitted,
    LocalDate consultedAnswered,
    String reactionBy,
    List<String> fractions,
    String besluitenlijst,
    String subject,
    String heading,
    String motion,
    String kamerbrief) {

  private static final Pattern CONSULTED =
      Pattern.compile("voorgelegd aan (?:de |het )?(.+?) over (.+?)\\.?$");
  private static final Pattern CONSULTED_ON =
      Pattern.compile(
          "zijn op (" + DutchDates.DATE + ") aan .{0,120}?" + "voorgelegd",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ANSWERED_ON =
      Pattern.compile(
          "[Bb]ij brief van ("
              + DutchDates.DATE
              + ")"
              + " (?:zijn|is|heeft) (?:de vragen|deze vragen|de minister|de staatssecretaris)[^.]*?(?:beantwoord|geantwoord)");
  private static final Pattern REACTION =
      Pattern.compile(
          "^(?:[IVX]+\\s+)?Reactie van (?:de |het )?((?:minister|staatssecretaris)\\b.+)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern FRACTION =
      Pattern.compile("Inbreng van de leden van de (.+?)-fractie");
  private static final Pattern BESLUITENLIJST =
      Pattern.compile("^(?:Document:\\s*)?(Besluitenlijst\\b.+)$");

  /** A motion's heading as printed: "MOTIE VAN DE LEDEN X EN Y", "Motie van het lid X". */
  private static final Pattern MOTION =
      Pattern.compile(
          "^((?:GEWIJZIGDE\\s+)?MOTIE VAN (?:DE LEDEN|HET LID)\\b.+|(?:Gewijzigde\\s+)?[Mm]otie van (?:de leden|het lid)\\b.+)$");

  /** A Kamerbrief's title: "Kamerbrief over ...", "Kamerbrief inzake ...". */
  private static final Pattern KAMERBRIEF =
      Pattern.compile(
          "^(?:Document:\\s*)?(Kamerbrief\\s+(?:over|inzake|met|bij|naar aanleiding van)\\b.+)$");

  private static final Pattern CUT_DATE =
      Pattern.compile(
          "\\b\\d{1,2}\\s+(?:" + DutchDates.MONTHS + ")\\.?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_YEAR = Pattern.compile("^((?:19|20)\\d{2})\\b");
  private static final Pattern SUBJECT = Pattern.compile("^(?:Betreft|Onderwerp)\\s*:?\\s+(.+)$");

  static OtherHeaders parse(List<String> paragraphs, List<CleanLine> lines) {
    Cues c = new Cues();
    for (int i = 0; i < paragraphs.size(); i++) {
      c.paragraph(paragraphs.get(i), i < 30);
    }
    String besluitenlijst = null;
    String subject = null;
    String motion = null;
    String letter = null;
    List<CleanLine> head = lines.subList(0, Math.min(lines.size(), 80));
    for (int i = 0; i < head.size(); i++) {
      String p = head.get(i).text().strip();
      Matcher m = BESLUITENLIJST.matcher(p);
      if (besluitenlijst == null && m.matches()) {
        besluitenlijst = withYear(m.group(1), i + 1 < head.size() ? head.get(i + 1) : null);
      }
      m = MOTION.matcher(p);
      motion = motion == null && m.matches() ? m.group(1) : motion;
      m = KAMERBRIEF.matcher(p);
      letter = letter == null && m.matches() ? m.group(1) : letter;
      m = SUBJECT.matcher(p);
      subject = subject == null && m.matches() ? m.group(1) : subject;
    }
    return new OtherHeaders(
        c.addressee,
        c.subject,
        c.submitted,
        c.answered,
        c.reaction,
        new ArrayList<>(c.fractions),
        besluitenlijst,
        subject,
        heading(lines),
        motion,
        letter);
  }

  /**
   * A besluitenlijst title whose date's year went to the next line ("... van dinsdag 8 maart" /
   * "2011") gets it back: the title names its whole date.
   */
  private static String withYear(String title, CleanLine next) {
    if (next == null || !CUT_DATE.matcher(title).find()) {
      return title;
    }
    Matcher year = LEADING_YEAR.matcher(next.text().strip());
    return year.find() ? title + " " + year.group(1) : title;
  }

  /**
   * The cues read from paragraphs; cheap substring checks come first, since every paragraph is
   * read.
   */
  private static final class Cues {
    String addressee;
    String subject;
    LocalDate submitted;
    LocalDate answered;
    String reaction;
    final Set<String> fractions = new LinkedHashSet<>();

    void paragraph(String p, boolean head) {
      if (head && p.contains("voorgelegd")) {
        String flat = p.replaceAll("\\s+", " ").strip();
        Matcher m = CONSULTED.matcher(flat);
        if (addressee == null && m.find()) {
          addressee = m.group(1);
          subject = m.group(2);
        }
        m = CONSULTED_ON.matcher(flat);
        submitted = submitted == null && m.find() ? DutchDates.first(m.group(1)) : submitted;
      }
      if (head && answered == null && p.contains("rief van")) {
        Matcher m = ANSWERED_ON.matcher(p.replaceAll("\\s+", " "));
        answered = m.find() ? DutchDates.first(m.group(1)) : null;
      }
      if (reaction == null && p.contains("eactie van")) {
        Matcher m = REACTION.matcher(p.replaceAll("\\s+", " ").strip());
        reaction = m.matches() ? m.group(1) : null;
      }
      if (p.contains("Inbreng van")) {
        Matcher m = FRACTION.matcher(p);
        while (m.find()) {
          fractions.add(m.group(1));
        }
      }
    }
  }

  /**
   * The text of the first page set in the largest size above the body size (several lines of one
   * heading joined), else the first bold line of the first page; null when the first page has
   * neither.
   */
  private static String heading(List<CleanLine> lines) {
    float largest = 0;
    float body = bodySize(lines);
    for (CleanLine line : lines) {
      if (line.page() == 1 && isHeadingText(line) && line.fontSize() > largest) {
        largest = line.fontSize();
      }
    }
    StringBuilder heading = new StringBuilder();
    boolean larger = largest > body + 1f;
    for (CleanLine line : lines) {
      if (line.page() != 1) {
        break;
      }
      boolean match =
          larger
              ? line.fontSize() == largest && isHeadingText(line)
              : line.bold() && line.fontSize() >= body - 0.5f && isHeadingText(line);
      if (heading.length() > 0 && (!match || line.paragraphStart())) {
        break;
      }
      if (match) {
        heading.append(heading.length() > 0 ? " " : "").append(line.text().strip());
      }
    }
    return heading.length() == 0 ? null : heading.toString();
  }

  private static boolean isHeadingText(CleanLine line) {
    String text = line.text().strip();
    return text.chars().filter(Character::isLetter).count() >= 4
        && !text.matches("(?i)(tweede|eerste) kamer der staten-generaal");
  }

  private static float bodySize(List<CleanLine> lines) {
    java.util.Map<Float, Integer> letters = new java.util.HashMap<>();
    for (CleanLine line : lines) {
      letters.merge(line.fontSize(), line.text().length(), Integer::sum);
    }
    return letters.entrySet().stream()
        .max(java.util.Map.Entry.comparingByValue())
        .map(java.util.Map.Entry::getKey)
        .orElse(0f);
  }
}
