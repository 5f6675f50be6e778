package nl.kamerstukken.parse.metadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as Dutch documents print them: "6 maart 2024", "1 okt. 2023", "11-10-2024", or ISO. */
final class DutchDates {

  static final String MONTHS =
      "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
          + "|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";

  /** A date in words; group 1 day, 2 month, 3 year. */
  static final String DATE = "(\\d{1,2})\\s+(" + MONTHS + ")\\.?\\s+(\\d{4})";

  private static final Pattern WORDS = Pattern.compile(DATE, Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{4})");

  /** The months' full names, January first. */
  static final List<String> MONTH_NAMES =
      List.of(
          "januari",
          "februari",
          "maart",
          "april",
          "mei",
          "juni",
          "juli",
          "augustus",
          "september",
          "oktober",
          "november",
          "december");

  private DutchDates() {}

  /** The first date in the text, or null. */
  static LocalDate first(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = WORDS.matcher(text);
    if (m.find()) {
      return of(m.group(3), month(m.group(2)), m.group(1));
    }
    m = ISO.matcher(text);
    if (m.find()) {
      return of(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    m = NUMERIC.matcher(text);
    return m.find() ? of(m.group(3), Integer.parseInt(m.group(2)), m.group(1)) : null;
  }

  private static int month(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTH_NAMES.size(); i++) {
      if (MONTH_NAMES
          .get(i)
          .startsWith(
              lower.equals("mrt") ? "maa" : lower.substring(0, Math.min(3, lower.length())))) {
        return i + 1;
      }
    }
    return 0;
  }

  private static LocalDate of(String year, int month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
