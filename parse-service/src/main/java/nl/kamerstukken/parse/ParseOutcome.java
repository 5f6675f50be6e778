package nl.kamerstukken.parse;

import java.util.Objects;
import nl.kamerstukken.model.DocumentParsed;

/**
 * The result of parsing one document: a value, never an exception, for anything that is wrong with the
 * document itself.
 */
public sealed interface ParseOutcome {

  /** Reason code: the file could not be read as the format it claims to be (corrupt, truncated, random bytes). */
  String UNREADABLE_DOCUMENT = "UNREADABLE_DOCUMENT";
  /** Reason code: the file is password protected. */
  String ENCRYPTED_DOCUMENT = "ENCRYPTED_DOCUMENT";
  /** Reason code: the file is of a type this parser does not read (images, archives, binaries). */
  String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
  /** Reason code: the file holds no text at all (zero bytes, or no text and no pages to OCR). */
  String EMPTY_DOCUMENT = "EMPTY_DOCUMENT";

  /** The document was parsed; warnings inside say what a reader should know. */
  record Parsed(DocumentParsed document) implements ParseOutcome {
    public Parsed {
      Objects.requireNonNull(document, "document");
    }
  }

  /**
   * The document could not be parsed.
   *
   * @param reasonCode UPPER_SNAKE_CASE category, e.g. {@link #UNREADABLE_DOCUMENT}
   * @param message what is wrong, with which file, and what to do about it
   */
  record Failed(String reasonCode, String message) implements ParseOutcome {
    public Failed {
      Objects.requireNonNull(reasonCode, "reasonCode");
      Objects.requireNonNull(message, "message");
      if (!reasonCode.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
        throw new IllegalArgumentException("reasonCode must be UPPER_SNAKE_CASE, was " + reasonCode);
      }
    }
  }
}
