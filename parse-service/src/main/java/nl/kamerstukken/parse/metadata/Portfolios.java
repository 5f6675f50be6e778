package nl.kamerstukken.parse.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dutch government roles as the Kamer prints them: "minister van Financiën", "minister voor Klimaat
 * en Energie" (a minister without a ministry of his own takes "voor"), "staatssecretaris van ...".
 * Knows the common abbreviations (BZ, BZK, OCW, VWS, ...) used in "Antwoord van Minister X (BZ)".
 */
final class Portfolios {

  private static final Map<String, String> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("AZ", "Algemene Zaken"),
          Map.entry("BZ", "Buitenlandse Zaken"),
          Map.entry("BUZA", "Buitenlandse Zaken"),
          Map.entry("BZK", "Binnenlandse Zaken en Koninkrijksrelaties"),
          Map.entry("OCW", "Onderwijs, Cultuur en Wetenschap"),
          Map.entry("VWS", "Volksgezondheid, Welzijn en Sport"),
          Map.entry("JENV", "Justitie en Veiligheid"),
          Map.entry("J&V", "Justitie en Veiligheid"),
          Map.entry("EZK", "Economische Zaken en Klimaat"),
          Map.entry("EZ", "Economische Zaken"),
          Map.entry("KGG", "Klimaat en Groene Groei"),
          Map.entry("LNV", "Landbouw, Natuur en Voedselkwaliteit"),
          Map.entry("LVVN", "Landbouw, Visserij, Voedselzekerheid en Natuur"),
          Map.entry("IENW", "Infrastructuur en Waterstaat"),
          Map.entry("I&W", "Infrastructuur en Waterstaat"),
          Map.entry("SZW", "Sociale Zaken en Werkgelegenheid"),
          Map.entry("FIN", "Financiën"),
          Map.entry("DEF", "Defensie"),
          Map.entry("AENM", "Asiel en Migratie"),
          Map.entry("VRO", "Volkshuisvesting en Ruimtelijke Ordening"),
          Map.entry("BHOS", "Buitenlandse Handel en Ontwikkelingssamenwerking"));

  /** Portfolios of ministers without a ministry: "minister voor ...". */
  private static final Set<String> WITHOUT_MINISTRY =
      Set.of(
          "buitenlandse handel en ontwikkelingssamenwerking",
          "klimaat en energie",
          "medische zorg",
          "medische zorg en sport",
          "primair en voortgezet onderwijs",
          "rechtsbescherming",
          "armoedebeleid, participatie en pensioenen",
          "volkshuisvesting en ruimtelijke ordening",
          "langdurige zorg, jeugd en sport",
          "natuur en stikstof",
          "basis- en voortgezet onderwijs en media",
          "wonen en rijksdienst",
          "migratie",
          "immigratie en asiel",
          "ontwikkelingssamenwerking",
          "europese zaken",
          "jeugd en gezin",
          "milieu en wonen",
          "wonen, wijken en integratie",
          "vreemdelingenzaken en integratie",
          "bestuurlijke vernieuwing en koninkrijksrelaties",
          "onderwijs, cultuur en wetenschap voor basisonderwijs");

  private static final Pattern ROLE =
      Pattern.compile(
          "^(minister-president|ministers?|staatssecretariss?(?:en)?)\\b"
              + "(?:\\s+(van|voor)\\s+(.+)|\\s+(?-i:(\\p{Lu}.+)))?$",
          Pattern.CASE_INSENSITIVE);

  private Portfolios() {}

  /**
   * "minister" + "BZ" → "minister van Buitenlandse Zaken"; keeps the printed wording of a
   * portfolio.
   */
  static String role(String role, String portfolio) {
    String r = singular(role);
    if (r.equals("minister-president") || portfolio == null || portfolio.isBlank()) {
      return r;
    }
    String p = expand(portfolio.strip());
    String preposition =
        r.equals("minister") && WITHOUT_MINISTRY.contains(p.toLowerCase(Locale.ROOT))
            ? "voor"
            : "van";
    return r + " " + preposition + " " + p;
  }

  /**
   * A list of addressees as printed after "aan": "de Staatssecretaris en de Minister van VWS", "de
   * Ministers van Buitenlandse Zaken en voor Buitenlandse Handel en Ontwikkelingssamenwerking", and
   * without "van" ("de minister Justitie en Veiligheid"). A role without a portfolio takes the
   * portfolio of the next one.
   */
  static List<String> roles(String printed) {
    List<String[]> parts = new ArrayList<>();
    for (String part :
        printed.strip().replaceAll("[.,;]+$", "").split("(?i),?\\s+en\\s+de\\s+|,\\s+de\\s+")) {
      Matcher m = ROLE.matcher(part.strip().replaceFirst("(?i)^(de|het)\\s+", ""));
      if (!m.matches()) {
        continue;
      }
      String role = singular(m.group(1));
      if (m.group(4) != null) {
        // printed without "van"/"voor": "minister Justitie en Veiligheid"
        String[] full = role(role, m.group(4)).split("\\s+", 3);
        parts.add(new String[] {role, full[1], full[2]});
        continue;
      }
      if (m.group(3) == null) {
        parts.add(new String[] {role, null, null});
        continue;
      }
      for (String portfolio :
          ("" + m.group(2) + " " + m.group(3)).split("(?i)\\s+en\\s+(?=(?:van|voor)\\s)")) {
        String[] pp = portfolio.strip().split("\\s+", 2);
        parts.add(new String[] {role, pp[0].toLowerCase(Locale.ROOT), pp.length > 1 ? pp[1] : ""});
      }
    }
    List<String> roles = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String[] p = parts.get(i);
      int donor = i;
      while (parts.get(donor)[1] == null && donor + 1 < parts.size()) {
        donor++;
      }
      String[] d = parts.get(donor);
      roles.add(d[1] == null ? p[0] : p[0] + " " + d[1] + " " + d[2].strip());
    }
    return roles;
  }

  private static String expand(String portfolio) {
    String key = portfolio.toUpperCase(Locale.ROOT).replace(" ", "");
    return ABBREVIATIONS.getOrDefault(key, portfolio);
  }

  private static String singular(String role) {
    String r = role.toLowerCase(Locale.ROOT);
    if (r.startsWith("minister-president")) {
      return "minister-president";
    }
    return r.startsWith("staatssecretaris") ? "staatssecretaris" : "minister";
  }
}
