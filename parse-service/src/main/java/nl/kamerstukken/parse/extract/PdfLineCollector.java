package nl.kamerstukken.parse.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDFBox text stripper that keeps positions: PDFBox decides reading order, lines and word breaks
 * (content-stream order, as {@code pdftotext -raw}); every line is handed to {@link LineBuilder}
 * with its glyphs instead of being written out. One instance per document.
 */
final class PdfLineCollector extends PDFTextStripper {

  private final List<TextLine> lines = new ArrayList<>();
  private final List<TextPosition> current = new ArrayList<>();
  private final LineBuilder builder = new LineBuilder();
  private final Overprints overprints = new Overprints();
  private int page;

  PdfLineCollector() {
    setSortByPosition(false);
    // Overprinted glyphs are dropped by Overprints: the same rule, without PDFBox's costly sorted
    // maps.
    setSuppressDuplicateOverlappingText(false);
    setAddMoreFormatting(false);
  }

  List<TextLine> lines() {
    return lines;
  }

  @Override
  protected void startPage(PDPage pdPage) throws IOException {
    page = getCurrentPageNo();
    overprints.clear();
    super.startPage(pdPage);
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    if (!overprints.repeats(text)) {
      super.processTextPosition(text);
    }
  }

  @Override
  protected void writeString(String text, List<TextPosition> textPositions) {
    current.addAll(textPositions);
  }

  @Override
  protected void writeWordSeparator() {
    current.add(null);
  }

  @Override
  protected void writeLineSeparator() {
    flush();
  }

  @Override
  protected void writeParagraphStart() {
    flush();
  }

  @Override
  protected void writeParagraphEnd() {
    flush();
  }

  @Override
  protected void writePageEnd() {
    flush();
  }

  @Override
  protected void endPage(PDPage pdPage) throws IOException {
    flush();
    super.endPage(pdPage);
  }

  private void flush() {
    if (current.isEmpty()) {
      return;
    }
    lines.addAll(builder.build(page, current));
    current.clear();
  }
}
