package nl.kamerstukken.parse.segment;

import java.util.List;
import java.util.Objects;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.parse.clean.CleanLine;

/**
 * The pages a question or answer is printed on, from the page numbers its cleaned lines carry
 * (running headers, footers and footnotes are no longer among them, so a segment that only runs
 * into the footer of a page does not claim it). Only formats with pages have them: a DOCX, HTML or
 * XML document's lines all say page 1, which means "unknown" there.
 */
public final class SegmentPages {

  private SegmentPages() {}

  /** The distinct pages of {@code lines}, ascending. */
  static List<Integer> of(List<CleanLine> lines) {
    return lines.stream().map(CleanLine::page).filter(p -> p >= 1).distinct().sorted().toList();
  }

  /**
   * The segmentation as published: with pages when the document has pages ({@code pageCount > 0}),
   * else with the pages left empty (unknown).
   */
  public static Segmentation forDocument(Segmentation segmentation, int pageCount) {
    Objects.requireNonNull(segmentation, "segmentation");
    if (pageCount > 0) {
      return segmentation;
    }
    return new Segmentation(
        segmentation.layout(),
        withoutPages(segmentation.questions()),
        withoutPages(segmentation.answers()),
        segmentation.labelLines(),
        segmentation.firstLabelLine());
  }

  private static List<Segment> withoutPages(List<Segment> segments) {
    return segments.stream()
        .map(s -> new Segment(s.numbers(), s.text(), List.of(), s.item()))
        .toList();
  }
}
