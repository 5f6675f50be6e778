package nl.kamerstukken.index.api;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which Kamervraag cases a person asks for. Blank values mean "no filter"; a bad value is refused
 * with a message naming the parameter.
 *
 * @param status {@code open}, {@code postponed} or {@code answered}
 * @param overdue only the cases that are overdue today (see {@code Kamervraag#overdueOn})
 * @param ministry a ministry ({@code Financiën}) or part of its name, matched as a phrase
 * @param party a party as printed ({@code VVD})
 * @param size cases per page, 1 to 1000
 * @param offset cases to skip
 */
public record KamervraagQuery(
    String status, boolean overdue, String ministry, String party, int size, int offset) {

  private static final Set<String> STATUSES = Set.of("open", "postponed", "answered");

  public KamervraagQuery {
    status = blankToNull(status);
    ministry = blankToNull(ministry);
    party = blankToNull(party);
    if (status != null) {
      status = status.toLowerCase(Locale.ROOT);
      if (!STATUSES.contains(status)) {
        throw new IllegalArgumentException(
            "status must be open, postponed or answered, was " + status);
      }
    }
    if (size < 1 || size > 1000) {
      throw new IllegalArgumentException("size must be 1 to 1000, was " + size);
    }
    if (offset < 0 || offset + size > 10_000) {
      throw new IllegalArgumentException("offset must be 0 or more, offset + size at most 10000");
    }
  }

  /** Every case, first page of 20. */
  public static KamervraagQuery all() {
    return new KamervraagQuery(null, false, null, null, 20, 0);
  }

  /** From HTTP parameters {@code status}, {@code overdue}, {@code ministry}, {@code party}, ... */
  public static KamervraagQuery fromParameters(Map<String, String> params) {
    String overdue = params.getOrDefault("overdue", "false").trim().toLowerCase(Locale.ROOT);
    if (!Set.of("", "true", "false").contains(overdue)) {
      throw new IllegalArgumentException("overdue must be true or false, was " + overdue);
    }
    return new KamervraagQuery(
        params.get("status"),
        overdue.equals("true"),
        params.get("ministry"),
        params.get("party"),
        integer(params, "size", 20),
        integer(params, "offset", 0));
  }

  private static int integer(Map<String, String> params, String name, int fallback) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was " + value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
