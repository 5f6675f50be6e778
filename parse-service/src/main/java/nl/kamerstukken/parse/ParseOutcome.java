package nl.kamerstukken.parse;

import java.util.Objects;
import nl.kamerstukken.model.DocumentParsed;

/**
 * The result of parsing one document: a value, never an exception, for anything that is wrong with
 * the document itself.
 */
public sealed interface ParseOutcome {

  /**
   * Reason code: the file could not be read as the format it claims to be (corrupt, truncated,
   * random bytes).
   */
  String UNREADABLE_DOCUMENT = "UNREADABLE_DOCUMENT";

  /** Reason code: the file is password protected. */
  String ENCRYPTED_DOCUMENT = "ENCRYPTED_DOCUMENT";

  /** Reason code: the file is of a type this parser does not read (images, archives, binaries). */
  String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";

  /** Reason code: the file holds no text at all (zero bytes, or no text and no pages to OCR). */
  String EMPTY_DOCUMENT = "EMPTY_DOCUMENT";

  /**
   * Reason code: the file is larger than the service parses ({@code PARSE_MAX_FILE_SIZE}), or its
   * result too large for an event.
   */
  String TOO_LARGE = "TOO_LARGE";

  /** Reason code: the PDF has more pages than the service parses ({@code PARSE_MAX_PAGES}). */
  String TOO_MANY_PAGES = "TOO_MANY_PAGES";

  /**
   * Reason code: parsing took longer than the time budget ({@code PARSE_TIMEOUT}); the parse worker
   * was killed.
   */
  String PARSE_TIMEOUT = "PARSE_TIMEOUT";

  /**
   * Reason code: parsing needed more memory than the parse worker's heap ({@code
   * PARSE_WORKER_HEAP}).
   */
  String OUT_OF_MEMORY = "OUT_OF_MEMORY";

  /** Reason code: the parser crashed (stack overflow, a native crash, a bug) on this document. */
  String PARSER_CRASHED = "PARSER_CRASHED";

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
   * @param attempts how many times the document was tried (a crashed parse is tried again on a
   *     fresh worker)
   */
  record Failed(String reasonCode, String message, int attempts) implements ParseOutcome {
    public Failed {
      Objects.requireNonNull(reasonCode, "reasonCode");
      Objects.requireNonNull(message, "message");
      if (!reasonCode.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
        throw new IllegalArgumentException(
            "reasonCode must be UPPER_SNAKE_CASE, was " + reasonCode);
      }
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
      }
    }

    /** A failure on the first attempt. */
    public Failed(String reasonCode, String message) {
      this(reasonCode, message, 1);
    }

    /** The same failure after {@code count} attempts. */
    public Failed withAttempts(int count) {
      return new Failed(reasonCode, message, count);
    }
  }
}
