package nl.kamerstukken.parse.clean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.parse.extract.TextLine;

/**
 * Measurements of a document's layout that the cleaning rules are relative to: the body font size
 * (the size most letters are set in), the usual distance between lines of a paragraph, the right
 * edge of full body lines, and the page heights.
 */
record LayoutStats(float bodySize, float lineSpacing, float rightEdge, List<Float> pageHeights) {

  /** A line is "small" (footnote, table, margin note) below this share of the body size. */
  static final float SMALL = 0.85f;

  static LayoutStats of(List<TextLine> lines, List<Float> pageHeights) {
    Map<Float, Integer> letters = new HashMap<>();
    for (TextLine line : lines) {
      if (line.hasGeometry()) {
        letters.merge(line.fontSize(), line.text().length(), Integer::sum);
      }
    }
    float body =
        letters.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(0f);
    List<Float> gaps = new ArrayList<>();
    List<Float> edges = new ArrayList<>();
    TextLine previous = null;
    for (TextLine line : lines) {
      boolean bodyLine =
          line.hasGeometry() && Math.abs(line.fontSize() - body) < 0.6f && !line.isBlank();
      if (bodyLine) {
        edges.add(line.x1());
        if (previous != null && previous.page() == line.page()) {
          float gap = line.y() - previous.y();
          if (gap > 0.5f * body && gap < 2.5f * body) {
            gaps.add(gap);
          }
        }
      }
      previous = bodyLine ? line : null;
    }
    // A low quantile: in documents of many one-line paragraphs (moties) most gaps are paragraph
    // gaps.
    // Capped: a short document may consist of one-line paragraphs only.
    float spacing = gaps.isEmpty() ? 1.2f * body : Math.min(percentile(gaps, 0.3), 1.5f * body);
    float edge = edges.isEmpty() ? 0 : percentile(edges, 0.9);
    return new LayoutStats(body, spacing, edge, pageHeights);
  }

  private static float percentile(List<Float> values, double share) {
    List<Float> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(share * sorted.size())));
  }

  boolean isSmall(TextLine line) {
    return line.hasGeometry() && bodySize > 0 && line.fontSize() <= bodySize * SMALL;
  }

  boolean isBodySize(TextLine line) {
    return line.hasGeometry() && Math.abs(line.fontSize() - bodySize) < 0.6f;
  }

  /**
   * Whether the line lies in the top 9% or the bottom 14% of its page, where headers and footers
   * live.
   */
  boolean isMarginal(TextLine line) {
    if (!line.hasGeometry() || line.page() > pageHeights.size()) {
      return false;
    }
    float height = pageHeights.get(line.page() - 1);
    return line.y() < 0.09f * height || line.y() > 0.86f * height;
  }

  /** Whether the line lies in the bottom 10% of its page. */
  boolean isFooterZone(TextLine line) {
    return line.hasGeometry()
        && line.page() <= pageHeights.size()
        && line.y() > 0.9f * pageHeights.get(line.page() - 1);
  }

  /** Whether the line lies in the lower half of its page. */
  boolean isLowerHalf(TextLine line) {
    return line.hasGeometry()
        && line.page() <= pageHeights.size()
        && line.y() > 0.5f * pageHeights.get(line.page() - 1);
  }
}
