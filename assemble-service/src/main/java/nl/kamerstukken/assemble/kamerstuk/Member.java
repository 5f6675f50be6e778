package nl.kamerstukken.assemble.kamerstuk;

import java.util.Objects;
import nl.kamerstukken.model.DocumentParsed;

/**
 * A parsed file with the Kamerstuk it belongs to.
 *
 * <p>Key rule: the identifier of the publisher metadata record beside the file (same stem), else
 * the file's own identifier, else (a rendition without identifier) its document id, so it stays
 * keyed by content. A record without identifier belongs to no Kamerstuk of its own (null key); it
 * still gives its identifier to the renditions beside it.
 *
 * @param key the Kamerstuk key, null when the file makes none
 * @param file what the assembly keeps of the file
 */
public record Member(String key, FileEntry file) {

  public Member {
    Objects.requireNonNull(file, "file");
  }

  /** The member for {@code parsed}, given the records that share its stem (null when none). */
  public static Member of(DocumentParsed parsed, StemRecords beside) {
    FileEntry file = FileEntry.of(parsed);
    String fromRecord = beside == null ? null : beside.identifier();
    String own = blankToNull(parsed.metadata().identifier());
    String key = fromRecord != null ? fromRecord : own;
    if (key == null && !file.isRecord()) {
      key = parsed.documentId();
    }
    return new Member(key, file);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
