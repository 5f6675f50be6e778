package nl.kamerstukken.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the ministry (or portfolio) from who answered and to whom the questions were put, so that
 * "minister van Klimaat en Groene Groei" and "staatssecretaris van Klimaat en Groene Groei" are one
 * filter value: {@code Klimaat en Groene Groei}. A value that names no office ("Voorzitter van de
 * Tweede Kamer", a person's name) gives nothing: the raw values stay searchable in {@code
 * answeredBy}/{@code addressedTo}.
 */
public final class Ministries {

  /**
   * "minister van X", "Staatssecretaris voor X", "de minister van X": group 2 is X. "van"/"voor" in
   * lower case only: "Staatssecretaris Van Ooijen" is a person.
   */
  private static final Pattern OFFICE =
      Pattern.compile(
          "^(?:[Dd]e\\s+)?((?iu:minister|ministers|staatssecretaris|staatssecretarissen))\\s+(?:van|voor)\\s+(?:de\\s+)?(.+)$");

  /** A portfolio after a dash: "staatssecretaris van VWS – Jeugd, Preventie en Sport". */
  private static final Pattern PORTFOLIO = Pattern.compile("\\s+[–—-]\\s+.*$");

  private static final String PRIME_MINISTER = "minister-president";
  private static final String GENERAL_AFFAIRS = "Algemene Zaken";

  private Ministries() {}

  /**
   * The distinct ministries named in {@code answeredBy} then {@code addressedTo}, in that order.
   */
  public static List<String> of(List<String> answeredBy, List<String> addressedTo) {
    Set<String> found = new LinkedHashSet<>();
    for (List<String> values : List.of(answeredBy, addressedTo)) {
      for (String value : values) {
        String ministry = ministry(value);
        if (ministry != null) {
          found.add(ministry);
        }
      }
    }
    return new ArrayList<>(found);
  }

  /** The ministry one office names, or null. */
  public static String ministry(String office) {
    if (office == null) {
      return null;
    }
    String text = office.strip().replaceAll("\\s+", " ");
    if (text.toLowerCase(Locale.ROOT).startsWith(PRIME_MINISTER)) {
      return GENERAL_AFFAIRS;
    }
    Matcher matcher = OFFICE.matcher(text);
    if (!matcher.matches()) {
      return null;
    }
    String ministry =
        PORTFOLIO.matcher(matcher.group(2)).replaceFirst("").replaceAll("[.,;:]+$", "").strip();
    if (ministry.isEmpty()) {
      return null;
    }
    return Character.toUpperCase(ministry.charAt(0)) + ministry.substring(1);
  }
}
