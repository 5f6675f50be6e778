package nl.kamerstukken.parse.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.kamerstukken.parse.extract.TextLine;

/**
 * Finds page furniture: running footers ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"), the
 * colophon of the first page ("kst-26643-1522", "ISSN 0921 - 7371", "’s-Gravenhage 2026"), "Pagina
 * 2 van 5", page numbers, and anything repeated on at least half of the pages at the same height
 * outside the body text (a margin column, a running header) with the same text.
 */
final class PageFurniture {

  private static final Pattern RUNNING_FOOTER =
      Pattern.compile(
          "^(?:\\d{1,4}\\s*)?(?:Tweede|Eerste) Kamer,? vergaderjaar \\d{4}\\s*[–-]\\s*\\d{4}\\b.*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern IDENTIFIER =
      Pattern.compile("^(?:kst|ah-tk|ah-ek|h-tk|h-ek|blg|stb|stcrt|kv-tk|kv)-[0-9A-Za-z-]+$");
  private static final Pattern ISSN = Pattern.compile("^ISSN \\d{4}\\s*-\\s*\\d{3}[\\dXx]$");
  private static final Pattern PLACE_YEAR = Pattern.compile("^[’']s-Gravenhage \\d{4}$");
  private static final Pattern PAGE_OF =
      Pattern.compile("^(?:pagina|page|blad)\\d+(?:van|of|/)\\d+$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PAGE_NUMBER = Pattern.compile("^[-–]?\\s*\\d{1,4}\\s*[-–]?$");

  private PageFurniture() {}

  /** Splits the lines into body (index 0) and furniture (index 1). */
  static List<List<TextLine>> split(List<TextLine> lines, LayoutStats stats) {
    Set<TextLine> repeated = repeated(lines, stats);
    Map<Integer, float[]> extremes = extremes(lines);
    List<TextLine> body = new ArrayList<>(lines.size());
    List<TextLine> furniture = new ArrayList<>();
    for (TextLine line : lines) {
      boolean remove =
          !line.isBlank()
              && (repeated.contains(line)
                  || byPattern(line, stats)
                  || isPageNumber(line, stats, extremes));
      (remove ? furniture : body).add(line);
    }
    return List.of(body, furniture);
  }

  /**
   * A bare number is a page number when it is the page's own number, in a margin, and the top-most
   * or bottom-most line of the page or in the footer zone (a committee list's question number can
   * stand at the top of a page).
   */
  private static boolean isPageNumber(
      TextLine line, LayoutStats stats, Map<Integer, float[]> extremes) {
    String text = line.text().strip();
    if (!stats.isMarginal(line) || !PAGE_NUMBER.matcher(text).matches()) {
      return false;
    }
    float[] range = extremes.get(line.page());
    boolean extreme =
        line.y() <= range[0] + 0.5f || line.y() >= range[1] - 0.5f || stats.isFooterZone(line);
    return extreme && text.replaceAll("\\D", "").equals(String.valueOf(line.page()));
  }

  /** Per page the smallest and largest baseline of a non-blank line. */
  private static Map<Integer, float[]> extremes(List<TextLine> lines) {
    Map<Integer, float[]> extremes = new HashMap<>();
    for (TextLine line : lines) {
      if (!line.isBlank()) {
        float[] range =
            extremes.computeIfAbsent(
                line.page(), p -> new float[] {Float.MAX_VALUE, -Float.MAX_VALUE});
        range[0] = Math.min(range[0], line.y());
        range[1] = Math.max(range[1], line.y());
      }
    }
    return extremes;
  }

  private static boolean byPattern(TextLine line, LayoutStats stats) {
    String text = line.text().strip();
    if (PAGE_OF.matcher(text.replaceAll("\\s+", "")).matches()) {
      return true;
    }
    boolean marginal = stats.isMarginal(line) || !line.hasGeometry();
    boolean colophon =
        IDENTIFIER.matcher(text).matches()
            || ISSN.matcher(text).matches()
            || PLACE_YEAR.matcher(text).matches();
    if (colophon && (marginal || stats.isSmall(line))) {
      return true;
    }
    return RUNNING_FOOTER.matcher(text).matches() && (marginal || !stats.isBodySize(line));
  }

  /**
   * Lines outside the body (in a margin, or not in the body size) repeated on at least half the
   * pages.
   */
  private static Set<TextLine> repeated(List<TextLine> lines, LayoutStats stats) {
    Set<Integer> pages = new HashSet<>();
    Map<String, Set<Integer>> pagesByKey = new HashMap<>();
    for (TextLine line : lines) {
      if (!line.isBlank()) {
        pages.add(line.page());
      }
      if (candidate(line, stats)) {
        pagesByKey.computeIfAbsent(key(line), k -> new HashSet<>()).add(line.page());
      }
    }
    int needed = Math.max(2, (pages.size() + 1) / 2);
    Set<TextLine> repeated = new HashSet<>();
    if (pages.size() < 2) {
      return repeated;
    }
    for (TextLine line : lines) {
      if (candidate(line, stats) && pagesByKey.get(key(line)).size() >= needed) {
        repeated.add(line);
      }
    }
    return repeated;
  }

  private static boolean candidate(TextLine line, LayoutStats stats) {
    return line.hasGeometry()
        && !line.isBlank()
        && (stats.isMarginal(line) || !stats.isBodySize(line));
  }

  /**
   * Exact text and height: numbered content ("Vraag 3", "Vraag 8") at the same height is not
   * furniture.
   */
  private static String key(TextLine line) {
    return line.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", "")
        + "@"
        + Math.round(line.y() / 3f);
  }
}
