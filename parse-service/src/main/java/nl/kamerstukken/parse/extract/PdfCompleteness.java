package nl.kamerstukken.parse.extract;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstukken.model.ReasonCode;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Whether a PDF is whole. The rule: a PDF whose page tree declares more pages than it holds
 * readable page objects is incomplete ({@code INCOMPLETE_DOCUMENT}), and so is one that ends before
 * its {@code %%EOF} and cannot be opened at all; a PDF that ends early or whose cross-reference
 * table points to the wrong places, but has every declared page after PDFBox rebuilt it, is read
 * with a warning. The file's tail is read before PDFBox opens it (the last 1024 bytes, where the
 * specification puts {@code startxref} and {@code %%EOF}).
 */
final class PdfCompleteness {

  private static final int TAIL_BYTES = 1024;
  private static final int MAX_DEPTH = 64;
  private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,15})");
  private static final Pattern OBJECT_HEADER = Pattern.compile("^\\d+\\s+\\d+\\s+obj");

  /**
   * What the file's end says.
   *
   * @param size the file's length in bytes
   * @param isPdf {@code %PDF-} is among its first 1024 bytes (else it is no PDF, whatever its end)
   * @param endsWithEof {@code %%EOF} is among its last 1024 bytes
   * @param xrefIntact {@code startxref} points at an xref table or an xref stream object
   */
  record Tail(long size, boolean isPdf, boolean endsWithEof, boolean xrefIntact) {

    /** A PDF cut off: its header is there, its end is not. */
    boolean cutOff() {
      return isPdf && !endsWithEof;
    }

    /** Null when the file is whole as far as its end tells; else what PDFBox had to repair. */
    String repaired() {
      if (!endsWithEof) {
        return "the file ends before its %%EOF (after " + size + " bytes)";
      }
      return xrefIntact ? null : "its cross-reference table points to the wrong places";
    }
  }

  private PdfCompleteness() {}

  static Tail tail(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long size = in.length();
      byte[] tail = new byte[(int) Math.min(TAIL_BYTES, size)];
      byte[] head = new byte[(int) Math.min(TAIL_BYTES, size)];
      in.readFully(head);
      boolean pdf = new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-");
      in.seek(size - tail.length);
      in.readFully(tail);
      String text = new String(tail, StandardCharsets.ISO_8859_1);
      boolean eof = text.contains("%%EOF");
      Matcher startxref = STARTXREF.matcher(text);
      long offset = -1;
      while (startxref.find()) {
        offset = Long.parseLong(startxref.group(1));
      }
      return new Tail(size, pdf, eof, eof && pointsAtXref(in, offset, size));
    }
  }

  /** Whether a line starting at {@code offset} opens an xref table or an (xref stream) object. */
  private static boolean pointsAtXref(RandomAccessFile in, long offset, long size)
      throws IOException {
    if (offset <= 0 || offset >= size) {
      return false;
    }
    byte[] head = new byte[(int) Math.min(33, size - offset + 1)];
    in.seek(offset - 1);
    in.readFully(head);
    if (head[0] != '\n' && head[0] != '\r') {
      return false;
    }
    String text = new String(head, 1, head.length - 1, StandardCharsets.ISO_8859_1);
    return text.startsWith("xref") || OBJECT_HEADER.matcher(text).find();
  }

  /**
   * Fails with {@code INCOMPLETE_DOCUMENT} when the page tree declares more pages than it has
   * readable page objects (PDFBox counts a lost page object as a page, so the tree is walked here).
   * In a file whose end is intact, a page object that is there but cannot be parsed (nested too
   * deep) is no sign of a cut: it counts, and the page's text is what is missing.
   */
  static void requireEveryPage(PDDocument document, Tail tail, String fileName)
      throws ExtractionFailure {
    int declared = document.getNumberOfPages();
    COSBase root = document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.PAGES);
    Set<COSObjectKey> present =
        tail.cutOff() ? Set.of() : document.getDocument().getXrefTable().keySet();
    int readable = new PageWalk(present).readable(root, 0, declared);
    if (readable < declared) {
      String repaired = tail.repaired();
      throw incomplete(
          fileName,
          "its page tree declares "
              + declared
              + " pages but only "
              + readable
              + " can be read"
              + (repaired == null ? "" : "; " + repaired));
    }
  }

  static ExtractionFailure incomplete(String fileName, String what) {
    return new ExtractionFailure(
        ReasonCode.INCOMPLETE_DOCUMENT,
        fileName
            + " is incomplete: "
            + what
            + "; it is not indexed as a whole document: drop the complete file again under the"
            + " same name",
        null);
  }

  /**
   * Counts the leaves of a page tree that are page dictionaries, or objects the file's xref lists
   * ({@code present}) that PDFBox could not parse.
   */
  private record PageWalk(Set<COSObjectKey> present, Set<COSBase> seen) {

    PageWalk(Set<COSObjectKey> present) {
      this(present, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    int readable(COSBase node, int depth, int limit) {
      COSBase resolved = node instanceof COSObject object ? object.getObject() : node;
      if (!(resolved instanceof COSDictionary dictionary)) {
        return node instanceof COSObject object && present.contains(object.getKey()) ? 1 : 0;
      }
      if (!seen.add(dictionary) || depth > MAX_DEPTH) {
        return 0;
      }
      COSArray kids = dictionary.getCOSArray(COSName.KIDS);
      if (kids == null) {
        return COSName.PAGES.equals(dictionary.getCOSName(COSName.TYPE)) ? 0 : 1;
      }
      int pages = 0;
      for (int i = 0; i < kids.size() && pages <= limit; i++) {
        pages += readable(kids.get(i), depth + 1, limit - pages);
      }
      return pages;
    }
  }
}
