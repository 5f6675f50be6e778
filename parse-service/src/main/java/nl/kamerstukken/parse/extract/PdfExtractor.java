package nl.kamerstukken.parse.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.kamerstukken.model.ReasonCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a PDF once with PDFBox: the text layer line by line with positions and font sizes, and, for
 * pages without a text layer, the rendered page through OCR. Thread-safe (no state per call).
 */
public final class PdfExtractor {

  private static final Logger LOG = LoggerFactory.getLogger(PdfExtractor.class);

  /**
   * A page with fewer letters than this in its text layer, but with images, is treated as a scan.
   */
  private static final int MIN_LETTERS = 25;

  private final OcrEngine ocr;
  private final int maxPages;

  /**
   * @param maxPages a document with more pages fails as {@code TOO_MANY_PAGES} before its text is
   *     read (the page count comes from the page tree, which PDFBox reads when it opens the file)
   */
  public PdfExtractor(OcrEngine ocr, int maxPages) {
    this.ocr = ocr;
    this.maxPages = maxPages;
  }

  /**
   * A PDF that ends early or had to be repaired is read only when every page its page tree declares
   * is there, with a warning; otherwise it fails as {@code INCOMPLETE_DOCUMENT} ({@link
   * PdfCompleteness}).
   */
  public Extraction extract(Path file, String fileName) throws ExtractionFailure {
    PdfCompleteness.Tail tail = tail(file, fileName);
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      if (document.getNumberOfPages() > maxPages) {
        throw new ExtractionFailure(
            ReasonCode.TOO_MANY_PAGES,
            fileName
                + " has "
                + document.getNumberOfPages()
                + " pages, more than the "
                + maxPages
                + " this service reads (PARSE_MAX_PAGES); split the document or"
                + " raise the limit",
            null);
      }
      PdfCompleteness.requireEveryPage(document, tail, fileName);
      PdfLineCollector collector = new PdfLineCollector();
      collector.writeText(document, Writer.nullWriter());
      Map<Integer, List<TextLine>> byPage = new TreeMap<>();
      for (TextLine line : collector.lines()) {
        byPage.computeIfAbsent(line.page(), p -> new ArrayList<>()).add(line);
      }
      List<Integer> scanned = scannedPages(document, byPage);
      List<String> warnings = new ArrayList<>();
      if (tail.repaired() != null) {
        LOG.warn("[{}] was repaired: [{}]", fileName, tail.repaired());
        warnings.add(
            "Repaired: "
                + tail.repaired()
                + "; PDFBox rebuilt its cross-reference table and all "
                + document.getNumberOfPages()
                + " pages were read");
      }
      List<Integer> ocrPages =
          scanned.isEmpty() ? List.of() : ocr(document, scanned, byPage, fileName, warnings);
      List<TextLine> lines = new ArrayList<>();
      byPage.values().forEach(lines::addAll);
      List<Float> heights = new ArrayList<>();
      document.getPages().forEach(page -> heights.add(page.getCropBox().getHeight()));
      return new Extraction(
          "application/pdf",
          document.getNumberOfPages(),
          heights,
          lines,
          Map.of(),
          List.of(),
          List.of(),
          scanned,
          ocrPages,
          warnings);
    } catch (InvalidPasswordException e) {
      throw new ExtractionFailure(
          ReasonCode.ENCRYPTED_DOCUMENT,
          fileName
              + " is a password-protected PDF; ask the sender"
              + " for an unprotected copy (or remove the password) and drop it again",
          e);
    } catch (IOException e) {
      if (tail.cutOff()) {
        throw PdfCompleteness.incomplete(
            fileName, tail.repaired() + " and cannot be opened (" + e.getMessage() + ")");
      }
      throw new ExtractionFailure(
          ReasonCode.UNREADABLE_DOCUMENT,
          fileName
              + " is not a readable PDF ("
              + e.getMessage()
              + "); check that the file is complete and really a PDF, or export it again from its source",
          e);
    }
  }

  private static PdfCompleteness.Tail tail(Path file, String fileName) throws ExtractionFailure {
    try {
      return PdfCompleteness.tail(file);
    } catch (IOException e) {
      throw new ExtractionFailure(
          ReasonCode.UNREADABLE_DOCUMENT,
          fileName + " could not be read (" + e.getMessage() + ")",
          e);
    }
  }

  private static List<Integer> scannedPages(
      PDDocument document, Map<Integer, List<TextLine>> byPage) {
    List<Integer> scanned = new ArrayList<>();
    for (int number = 1; number <= document.getNumberOfPages(); number++) {
      int letters = 0;
      for (TextLine line : byPage.getOrDefault(number, List.of())) {
        letters += (int) line.text().chars().filter(Character::isLetter).count();
      }
      if (letters < MIN_LETTERS && hasImages(document.getPage(number - 1))) {
        scanned.add(number);
      }
    }
    return scanned;
  }

  private static boolean hasImages(PDPage page) {
    PDResources resources = page.getResources();
    if (resources == null) {
      return false;
    }
    for (COSName name : resources.getXObjectNames()) {
      try {
        if (resources.isImageXObject(name) || resources.getXObject(name) != null) {
          return true;
        }
      } catch (IOException e) {
        return true;
      }
    }
    return false;
  }

  private List<Integer> ocr(
      PDDocument document,
      List<Integer> pages,
      Map<Integer, List<TextLine>> byPage,
      String fileName,
      List<String> warnings) {
    if (!ocr.available()) {
      warnings.add(
          "OCR unavailable: page(s) "
              + pages
              + " have no text layer and were not read ("
              + ocr.unavailableReason()
              + ")");
      return List.of();
    }
    PDFRenderer renderer = new PDFRenderer(document);
    List<Integer> done = new ArrayList<>();
    for (int number : pages) {
      try {
        BufferedImage image = renderer.renderImageWithDPI(number - 1, ocr.dpi(), ImageType.GRAY);
        List<TextLine> lines = new ArrayList<>(byPage.getOrDefault(number, List.of()));
        lines.addAll(PlainLines.of(ocr.read(image), number));
        byPage.put(number, lines);
        done.add(number);
      } catch (IOException | RuntimeException e) {
        LOG.warn("OCR of page [{}] of [{}] failed: [{}]", number, fileName, e.toString());
        warnings.add(
            "OCR of page " + number + " failed (" + e.getMessage() + "); its text is missing");
      }
    }
    if (!done.isEmpty()) {
      warnings.add(
          "OCR used: page(s) "
              + done
              + " have no text layer and were read with Tesseract (language "
              + ocr.language()
              + "); their text may contain recognition errors");
    }
    return done;
  }
}
