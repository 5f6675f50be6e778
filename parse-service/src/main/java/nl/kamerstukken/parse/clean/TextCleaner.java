package nl.kamerstukken.parse.clean;

import java.util.List;
import nl.kamerstukken.parse.extract.Extraction;
import nl.kamerstukken.parse.extract.TextLine;

/**
 * Turns extracted lines into the clean body: fragments of one visual line joined, page furniture
 * removed, footnotes moved out, paragraphs found, words broken at line ends joined. Stateless.
 */
public final class TextCleaner {

  private TextCleaner() {}

  public static CleanDocument clean(Extraction extraction) {
    List<TextLine> lines = FragmentMerger.merge(extraction.lines());
    LayoutStats stats = LayoutStats.of(lines, extraction.pageHeights());
    List<List<TextLine>> split = PageFurniture.split(lines, stats);
    FootnoteSeparator.Result separated =
        FootnoteSeparator.separate(split.get(0), stats, extraction.footnotes());
    List<CleanLine> body = Dehyphenator.apply(ParagraphBuilder.build(separated.body(), stats));
    return new CleanDocument(body, separated.footnotes(), split.get(1));
  }
}
