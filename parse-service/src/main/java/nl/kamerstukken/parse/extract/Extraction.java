package nl.kamerstukken.parse.extract;

import java.util.List;
import java.util.Map;
import nl.kamerstukken.model.Footnote;

/**
 * What an extractor read from a file, before cleaning.
 *
 * @param mediaType the detected media type
 * @param pageCount number of pages (0 for formats without pages)
 * @param pageHeights height in points of each page (empty for formats without pages)
 * @param lines the text, line by line, in reading order
 * @param properties metadata the format carries, by publisher name (e.g. {@code DC.identifier})
 * @param markedSegments questions and answers the source marks explicitly (publisher XML), else
 *     empty
 * @param footnotes footnotes the source marks explicitly, else empty
 * @param imagePages pages without a text layer (scanned)
 * @param ocrPages pages whose text came from OCR
 * @param warnings what a reader should know about the extraction
 */
public record Extraction(
    String mediaType,
    int pageCount,
    List<Float> pageHeights,
    List<TextLine> lines,
    Map<String, List<String>> properties,
    List<MarkedSegment> markedSegments,
    List<Footnote> footnotes,
    List<Integer> imagePages,
    List<Integer> ocrPages,
    List<String> warnings) {

  public Extraction {
    pageHeights = List.copyOf(pageHeights);
    lines = List.copyOf(lines);
    properties = Map.copyOf(properties);
    markedSegments = List.copyOf(markedSegments);
    footnotes = List.copyOf(footnotes);
    imagePages = List.copyOf(imagePages);
    ocrPages = List.copyOf(ocrPages);
    warnings = List.copyOf(warnings);
  }

  /** Whether the lines carry positions and font sizes (a PDF text layer). */
  public boolean hasGeometry() {
    return lines.stream().anyMatch(TextLine::hasGeometry);
  }

  /**
   * A question or answer as the source marks it, e.g. {@code <vraag><nr>Vraag
   * 1</nr><al>...</al></vraag>}.
   *
   * @param question true for a question, false for an answer
   * @param label the label as printed, e.g. {@code Vraag 3, 4 en 5}
   * @param paragraphs the paragraphs of its text
   */
  public record MarkedSegment(boolean question, String label, List<String> paragraphs) {
    public MarkedSegment {
      paragraphs = List.copyOf(paragraphs);
    }
  }
}
