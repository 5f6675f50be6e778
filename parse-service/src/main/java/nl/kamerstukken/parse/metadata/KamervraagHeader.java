package nl.kamerstukken.parse.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of Kamervragen: "Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD) aan de
 * Minister van Onderwijs, Cultuur en Wetenschap over het bericht «...» (ingezonden 6 maart 2024)."
 * and, when answered, "Antwoord van Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap)
 * (ontvangen 25 maart 2024)." (or "Mededeling van ..."), optionally with "mede namens ..." and "Zie
 * ook ...". {@code mededeling} says the reply is a Mededeling (a notice, e.g. that the answer takes
 * longer), not an Antwoord.
 */
record KamervraagHeader(
    List<String> askedBy,
    List<String> parties,
    List<String> addressedTo,
    String title,
    LocalDate submittedDate,
    boolean answered,
    List<String> answeredBy,
    LocalDate receivedDate,
    List<String> seeAlso,
    boolean mededeling) {

  private static final Pattern QUESTIONS =
      Pattern.compile(
          "(?:Vragen|Vraag) van (?:de leden|het lid) (.+?) aan "
              + "(.+?) over (.+?)\\.?\\s*\\((?:[Ii]ngezonden|[Gg]esteld)\\s+("
              + DutchDates.DATE
              + ")\\)",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern ANSWER =
      Pattern.compile(
          "(?:Antwoord|Mededeling) van (.+?)\\s*\\(ontvangen\\s+"
              + "(?:\\(ontvangen\\s+)?("
              + DutchDates.DATE
              + ")\\)?",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern PERSON_ROLE =
      Pattern.compile(
          "(?i)(minister-president|minister|staatssecretaris)\\s+[^()]*?\\(([^()]+)\\)");
  private static final Pattern SEE_ALSO =
      Pattern.compile("Zie ook (.+?)(?=\\s*(?:\\n|$|Zie ook))", Pattern.CASE_INSENSITIVE);
  private static final Pattern MEMBER = Pattern.compile("^(.*?)\\s*(?:\\(([^()]+)\\))?$");

  /** The header in {@code text} (the document's first paragraphs, one per line), or null. */
  static KamervraagHeader parse(String text) {
    Matcher q = QUESTIONS.matcher(text);
    if (!q.find()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    Set<String> parties = new LinkedHashSet<>();
    members(flat(q.group(1)), names, parties);
    List<String> addressedTo = Portfolios.roles(flat(q.group(2)));
    String title = flat(q.group(3));
    LocalDate submitted = DutchDates.first(q.group(4));
    Matcher a = ANSWER.matcher(text);
    boolean answered = a.find(q.end());
    List<String> answeredBy = answered ? answeredBy(flat(a.group(1))) : List.of();
    LocalDate received = answered ? DutchDates.first(a.group(2)) : null;
    List<String> seeAlso = new ArrayList<>();
    Matcher s = SEE_ALSO.matcher(text);
    while (s.find()) {
      seeAlso.add(s.group(1).strip().replaceAll("[.,;]+$", ""));
    }
    return new KamervraagHeader(
        names,
        List.copyOf(parties),
        addressedTo,
        title,
        submitted,
        answered,
        answeredBy,
        received,
        seeAlso,
        answered && a.group(0).regionMatches(true, 0, "Mededeling", 0, 10));
  }

  /**
   * "Van Weyenberg, Romke de Jong en Kat (allen D66)", "Sneller (D66), Chakor (GL-PvdA) en Van
   * Nispen (SP)".
   */
  private static void members(String printed, List<String> names, Set<String> parties) {
    String cleaned =
        printed
            .replaceAll("(?i),?\\s*mede namens (?:het lid|de leden)\\s+", ", ")
            .replaceAll(",\\s*$", "");
    for (String part : splitTopLevel(cleaned)) {
      Matcher m = MEMBER.matcher(part.strip());
      if (!m.matches() || m.group(1).isBlank()) {
        continue;
      }
      names.add(m.group(1).strip());
      if (m.group(2) != null) {
        parties.add(m.group(2).replaceFirst("(?i)^(allen|beiden|beide)\\s+", "").strip());
      }
    }
  }

  /** Splits on ", " and " en " outside parentheses. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0 && c == ',') {
        parts.add(text.substring(start, i));
        start = i + 1;
      } else if (depth == 0 && text.startsWith(" en ", i)) {
        parts.add(text.substring(start, i));
        start = i + 4;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /**
   * "Minister Bruins Slot (BZ) van Minister Schreinemacher (BHOS)", "Staatssecretaris Van Huffelen
   * (BZK), mede namens de Staatssecretarissen van VWS en van JenV".
   */
  private static List<String> answeredBy(String printed) {
    String[] main = printed.split("(?i),?\\s*mede namens\\s+", 2);
    Set<String> roles = new LinkedHashSet<>();
    Matcher m = PERSON_ROLE.matcher(main[0]);
    while (m.find()) {
      roles.add(Portfolios.role(m.group(1), m.group(2)));
    }
    if (roles.isEmpty()) {
      roles.addAll(Portfolios.roles(main[0]));
    }
    if (main.length > 1) {
      roles.addAll(Portfolios.roles(main[1]));
    }
    return List.copyOf(roles);
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
