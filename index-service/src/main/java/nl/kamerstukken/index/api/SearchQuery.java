package nl.kamerstukken.index.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What a person asks of the Q&A index: words, and filters on the Kamerstuk's metadata. Blank values
 * mean "no filter". Validated here, at the edge: a bad value is refused with a message naming the
 * parameter.
 *
 * @param text the words; quotes make a phrase matched on the unstemmed text ({@code "kabels en
 *     leidingen"}), {@code -word} excludes; null = every question, newest first
 * @param party a party as printed ({@code VVD}), exact
 * @param ministry a ministry ({@code Klimaat en Groene Groei}) or an office as printed ({@code
 *     minister van Financiën}); a part of a ministry's name matches as a phrase ({@code klimaat})
 * @param year parliamentary year ({@code 2023-2024})
 * @param type document type ({@code aanhangsel-antwoord})
 * @param from first day (inclusive) of the Kamerstuk's date (its date, else received, else
 *     submitted)
 * @param to last day (inclusive)
 * @param size hits per page, 1 to {@value #MAX_SIZE}
 * @param offset hits to skip (paging)
 */
public record SearchQuery(
    String text,
    String party,
    String ministry,
    String year,
    String type,
    LocalDate from,
    LocalDate to,
    int size,
    int offset) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;

  /** Elasticsearch's default result window. */
  public static final int MAX_WINDOW = 10_000;

  public SearchQuery {
    text = blankToNull(text);
    party = blankToNull(party);
    ministry = blankToNull(ministry);
    year = blankToNull(year);
    type = blankToNull(type);
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", was " + size);
    }
    if (offset < 0 || offset + size > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "offset must be 0 or more, and offset + size at most " + MAX_WINDOW + ", was " + offset);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the date range ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** Every question matching {@code text}, first page. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, null, null, DEFAULT_SIZE, 0);
  }

  /**
   * From HTTP query parameters: {@code q}, {@code party}, {@code ministry}, {@code year}, {@code
   * type}, {@code from}/{@code to} (ISO dates), {@code size}, {@code offset}.
   */
  public static SearchQuery fromParameters(Map<String, String> params) {
    return new SearchQuery(
        params.get("q"),
        params.get("party"),
        params.get("ministry"),
        params.get("year"),
        params.get("type"),
        date(params, "from"),
        date(params, "to"),
        integer(params, "size", DEFAULT_SIZE),
        integer(params, "offset", 0));
  }

  public SearchQuery withText(String newText) {
    return new SearchQuery(newText, party, ministry, year, type, from, to, size, offset);
  }

  private static LocalDate date(Map<String, String> params, String name) {
    String value = blankToNull(params.get(name));
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be a date like 2024-01-31, was '" + value + "'");
    }
  }

  private static int integer(Map<String, String> params, String name, int defaultValue) {
    String value = blankToNull(params.get(name));
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
