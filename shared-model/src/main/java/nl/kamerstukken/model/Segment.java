package nl.kamerstukken.model;

import java.util.List;
import java.util.Objects;

/**
 * One numbered question or answer. A label "Vraag 3, 4 en 5" gives one segment with numbers {@code
 * ["3","4","5"]}; numbers are strings because the publisher prints them as labels.
 *
 * @param numbers the numbers in the label, in printed order
 * @param text the text after the label, cleaned (no running headers, footers or footnote digits)
 * @param pages the 1-based pages the text is printed on, ascending; empty when the format has no
 *     pages or they are not known (older events lack the field)
 * @param item the Aanhangsel item number when one page prints several items whose numbering
 *     restarts ("30. VRAAG ... 1." then "31. VRAGEN ... 1. 2."), so that number and item together
 *     name the entry; null otherwise (optional)
 */
public record Segment(List<String> numbers, String text, List<Integer> pages, String item) {

  public Segment {
    numbers = List.copyOf(numbers);
    Objects.requireNonNull(text, "text");
    pages = pages == null ? List.of() : List.copyOf(pages);
  }

  /** A segment of a document that prints one item (no item number). */
  public Segment(List<String> numbers, String text, List<Integer> pages) {
    this(numbers, text, pages, null);
  }

  /** A segment whose pages are not known. */
  public Segment(List<String> numbers, String text) {
    this(numbers, text, List.of());
  }
}
