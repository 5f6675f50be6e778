package nl.kamerstukken.parse.api;

import java.util.Objects;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.ReasonCode;

/**
 * The result of parsing one document: a value, never an exception, for anything that is wrong with
 * the document itself.
 */
public sealed interface ParseOutcome {

  /** The document was parsed; warnings inside say what a reader should know. */
  record Parsed(DocumentParsed document) implements ParseOutcome {
    public Parsed {
      Objects.requireNonNull(document, "document");
    }
  }

  /**
   * The document could not be parsed.
   *
   * @param reasonCode why, e.g. {@link ReasonCode#UNREADABLE_DOCUMENT}
   * @param message what is wrong, with which file, and what to do about it
   * @param attempts how many times the document was tried (a crashed parse is tried again on a
   *     fresh worker)
   */
  record Failed(ReasonCode reasonCode, String message, int attempts) implements ParseOutcome {
    public Failed {
      Objects.requireNonNull(reasonCode, "reasonCode");
      Objects.requireNonNull(message, "message");
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
      }
    }

    /** A failure on the first attempt. */
    public Failed(ReasonCode reasonCode, String message) {
      this(reasonCode, message, 1);
    }

    /** The same failure after {@code count} attempts. */
    public Failed withAttempts(int count) {
      return new Failed(reasonCode, message, count);
    }
  }
}
