package nl.kamerstukken.parse.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.parse.clean.CleanDocument;
import nl.kamerstukken.parse.segment.HistoricalPage;

/**
 * Metadata of historical Aanhangsel pages from their headings: askers as printed ("K. G. de Vries"
 * becomes "De Vries"), parties normalised ("P.v.d.A." to "PvdA") and as printed, the title after
 * the first connector ("over", "inzake", "betreffende", "in verband met", "naar aanleiding van",
 * "n.a.v."), the submitted date, and from the reply heading who answered (signer first, then "mede
 * namens") as "minister van X", their names and the date; for a Mededeling the same as {@code
 * mededelingBy}. A page with several items: the askers of all items, the rest from the first.
 */
public final class HistoricalMetadata {

  private static final String CONNECTOR =
      "(?:over|in-?\\s*zake:?|be-?\\s*treffende|in\\s+ver-?\\s*band\\s+met|naar\\s+aan\\S*\\s+van|n\\.a\\.v\\.)";
  private static final Pattern HEAD =
      Pattern.compile(
          "(?s)(?:VRAGEN|VRAAG|[Vv]ragen|[Vv]raag)\\s+van\\s+(?:de\\s+heer|het\\s+lid|de\\s+leden|mevrouw|mejuffrouw|de\\s+dames|de\\s+heren)\\s+(.*?)[,\\s]+"
              + CONNECTOR
              + "\\s+(.*?)\\.?\\s*\\(");
  private static final Pattern PARTY = Pattern.compile("\\(((?:beiden|allen)\\s+)?([^)]*)\\)");
  private static final Pattern INITIALS = Pattern.compile("^(?:\\p{Lu}\\.\\s*)+");
  private static final Pattern REPLY =
      Pattern.compile("(?s)(?:ANTWOORD|Antwoord|MEDEDELING|Mededeling)\\s+van\\s+(.*)\\s*\\(");
  private static final Pattern TITLED =
      Pattern.compile(
          "(?is)^(?:de\\s+heer\\s+|mevrouw\\s+)?(.+?),\\s*((?:minister|staats-?\\s*secretaris).*)$");
  private static final Pattern ROLE_FIRST =
      Pattern.compile(
          "(?is)^(minister-president|minister|staats-?\\s*secretaris)\\s+(.+?)\\s*\\((.+)\\)$");
  private static final Pattern ROLE =
      Pattern.compile(
          "(?is)^(minister-president|ministers?|staats-?\\s*secretaris(?:sen)?)\\s*(.*)$");
  private static final Pattern MONTH_DATE = Pattern.compile("(\\d{1,2})\\s+(\\D+?)\\s+(\\d{4})");

  private HistoricalMetadata() {}

  /** {@code base} with the fields the headings of a historical page state. */
  public static DocumentMetadata apply(CleanDocument document, DocumentMetadata base) {
    List<HistoricalPage.Item> items = HistoricalPage.read(document.lines());
    if (items.isEmpty()) {
      return base;
    }
    HistoricalPage.Item first = items.get(0);
    Set<String> askedBy = new LinkedHashSet<>();
    Set<String> parties = new LinkedHashSet<>();
    Set<String> printed = new LinkedHashSet<>();
    String title = null;
    for (HistoricalPage.Item item : items) {
      Matcher head = HEAD.matcher(item.heading());
      if (head.find()) {
        askers(head.group(1), askedBy, parties, printed);
        title = title == null ? head.group(2).replaceAll("\\s+", " ").strip() : title;
      }
    }
    Officials reply = officials(first.reply());
    boolean mededeling = first.mededeling();
    boolean answered = first.reply() != null && !mededeling;
    return new DocumentMetadata(
            base.identifier(),
            mededeling ? "mededeling" : "aanhangsel-antwoord",
            base.parliamentaryYear(),
            base.dossierNumber(),
            base.documentNumber(),
            title,
            base.date(),
            List.copyOf(askedBy),
            List.copyOf(parties),
            List.of(),
            answered ? reply.roles : List.of(),
            date(first.submitted()),
            answered ? date(first.replied()) : null,
            base.zaakNumbers(),
            base.documentNumbers(),
            null,
            null,
            base.seeAlso())
        .withOptional(
            List.copyOf(printed),
            answered ? reply.names : List.of(),
            mededeling ? reply.roles : List.of(),
            mededeling ? reply.names : List.of(),
            mededeling ? date(first.replied()) : null);
  }

  private static void askers(
      String names, Set<String> askedBy, Set<String> parties, Set<String> printed) {
    Matcher party = PARTY.matcher(names);
    while (party.find()) {
      String p = party.group(2).strip();
      printed.add(p);
      parties.add(p.replace(".", "").replace(" ", ""));
    }
    String bare = PARTY.matcher(names).replaceAll(",");
    for (String name : bare.split("\\s*,\\s*(?:en\\s+)?|\\s+en\\s+")) {
      String n = INITIALS.matcher(name.strip()).replaceFirst("").strip();
      if (!n.isEmpty()) {
        askedBy.add(Character.toUpperCase(n.charAt(0)) + n.substring(1));
      }
    }
  }

  private record Officials(List<String> roles, List<String> names) {}

  /** Who signed a reply heading, and in whose name ("mede namens"). */
  private static Officials officials(String heading) {
    List<String> roles = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher reply = heading == null ? null : REPLY.matcher(heading);
    if (reply == null || !reply.find()) {
      return new Officials(roles, names);
    }
    String[] parts =
        reply.group(1).replaceAll("\\s+", " ").strip().split(",?\\s*mede\\s+namens\\s+");
    official(parts[0].replaceAll("\\.$", ""), roles, names);
    for (int i = 1; i < parts.length; i++) {
      String other = parts[i].replaceAll("\\.$", "").replaceFirst("^de\\s+", "");
      if (other.startsWith("heer ")) {
        official(other, roles, names);
      } else {
        Matcher role = ROLE.matcher(other);
        if (role.matches()) {
          for (String dept : role.group(2).split("(?:,|\\s+en)\\s+(?=(?:van|voor)\\s)")) {
            roles.add(role(role.group(1)) + " " + dept.strip());
          }
        }
      }
    }
    return new Officials(roles, names);
  }

  private static void official(String text, List<String> roles, List<String> names) {
    String t = text.replaceFirst("^heer\\s+", "de heer ");
    Matcher titled = TITLED.matcher(t);
    if (titled.matches()) {
      names.add(titled.group(1).strip());
      roles.add(roleWithDepartment(titled.group(2)));
      return;
    }
    Matcher first = ROLE_FIRST.matcher(t);
    if (first.matches()) {
      names.add(first.group(2).strip());
      String role = role(first.group(1));
      roles.add(role.equals("minister-president") ? role : role + " van " + first.group(3).strip());
    }
  }

  /** "Minister van Buiten-landse Zaken a.i." to "minister van Buiten-landse Zaken a.i.". */
  private static String roleWithDepartment(String printed) {
    Matcher m =
        Pattern.compile("(?is)^(minister-president|minister|staats-?\\s*secretaris)\\s*(.*)$")
            .matcher(printed.strip());
    if (!m.matches()) {
      return printed.strip();
    }
    String role = role(m.group(1));
    return m.group(2).isBlank() ? role : role + " " + m.group(2).strip();
  }

  private static String role(String printed) {
    String r = printed.toLowerCase(Locale.ROOT).replaceAll("[-\\s]", "");
    if (r.startsWith("ministerpresident")) {
      return "minister-president";
    }
    return r.startsWith("minister") ? "minister" : "staatssecretaris";
  }

  /**
   * A date as these headings print it: "6 September 1950", "dd. 21 januari 1993", "9-2-1993", and
   * with OCR damage in the month ("13 nc~ vember 1970"): the nearest month name wins.
   */
  static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    String t = text.replace("dd.", " ").replaceAll("(\\d) (\\d{3})\\b", "$1$2");
    Matcher m = MONTH_DATE.matcher(t);
    while (m.find()) {
      String word = m.group(2).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      int month = nearestMonth(word);
      if (month > 0) {
        try {
          return LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
        } catch (java.time.DateTimeException e) {
          return null;
        }
      }
    }
    return DutchDates.first(t);
  }

  private static int nearestMonth(String word) {
    int best = 0;
    int bestDistance = 3;
    for (int i = 0; i < DutchDates.MONTH_NAMES.size(); i++) {
      int d = distance(word, DutchDates.MONTH_NAMES.get(i));
      if (d < bestDistance) {
        best = i + 1;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int up = row[j];
        row[j] =
            Math.min(
                Math.min(row[j] + 1, row[j - 1] + 1),
                diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = up;
      }
    }
    return row[b.length()];
  }
}
