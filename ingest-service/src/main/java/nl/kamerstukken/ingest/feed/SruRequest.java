package nl.kamerstukken.ingest.feed;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One {@code searchRetrieve} request: the configured CQL query restricted to the records modified
 * on one day ({@code dt.modified=="2021-10-13"}, as the repository's own clients ask), one page of
 * it. A day is a finite result that no longer grows once the day is over, so a position inside it
 * can be resumed.
 */
public record SruRequest(URI endpoint, String query, LocalDate day, int startRecord, int pageSize) {

  /** The query as sent: {@code <query> and dt.modified=="<day>"}. */
  public String cql() {
    String base = hasTopLevelOr(query) ? "( " + query + " )" : query;
    return base + " and dt.modified==\"" + day + "\"";
  }

  public URI uri() {
    return URI.create(
        endpoint
            + "?query="
            + encode(cql())
            + "&startRecord="
            + startRecord
            + "&maximumRecords="
            + pageSize);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Whether {@code or} joins terms outside parentheses and quotes: then the query needs parentheses
   * before {@code and} is added (CQL's {@code and} and {@code or} bind equally, left to right).
   */
  static boolean hasTopLevelOr(String query) {
    int depth = 0;
    boolean quoted = false;
    String lower = query.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c == '"' && (i == 0 || lower.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && lower.startsWith("or", i) && word(lower, i, 2)) {
        return true;
      }
    }
    return false;
  }

  private static boolean word(String s, int start, int length) {
    boolean before =
        start == 0 || Character.isWhitespace(s.charAt(start - 1)) || s.charAt(start - 1) == ')';
    int end = start + length;
    boolean after =
        end == s.length() || Character.isWhitespace(s.charAt(end)) || s.charAt(end) == '(';
    return before && after;
  }
}
