package nl.kamerstukken.assemble.kamerstuk;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * Which rendition of a Kamerstuk gives its text, questions and answers: a stated, deterministic
 * rule. The publisher's XML first (its questions and answers are marked up, not recognised), then
 * the PDF (the official print), then the other text formats (ODT, DOCX, DOC, HTML, RTF), then
 * anything else; among equals the most recently received (a corrected version or a new download
 * replaces the older one), then the smallest document id.
 */
public final class Representative {

  /** The rule in words, published with every Kamerstuk. */
  public static final String RULE =
      "publisher XML over PDF over ODT, DOCX, DOC, HTML, RTF over other formats; then the most"
          + " recently received; then the smallest document id";

  /** Best first. */
  static final Comparator<FileEntry> ORDER =
      Comparator.comparingInt(Representative::formatRank)
          .thenComparing(
              FileEntry::receivedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
          .thenComparing(FileEntry::documentId);

  private Representative() {}

  /** 0 publisher XML, 1 PDF, 2 other text formats, 3 anything else. */
  static int formatRank(FileEntry file) {
    String type = file.mediaType() == null ? "" : file.mediaType().toLowerCase(Locale.ROOT);
    String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
    if (type.endsWith("/xml") || (type.isEmpty() && name.endsWith(".xml"))) {
      return 0;
    }
    if (type.equals("application/pdf") || (type.isEmpty() && name.endsWith(".pdf"))) {
      return 1;
    }
    if (type.contains("opendocument.text")
        || type.contains("wordprocessingml")
        || type.equals("application/msword")
        || type.equals("text/html")
        || type.equals("application/xhtml+xml")
        || type.equals("application/rtf")) {
      return 2;
    }
    return 3;
  }
}
