package nl.kamerstukken.parse;

/**
 * The parse could not run at all (no parse worker could be started, the service is shutting down,
 * the file could not be read): this says nothing about the document, so the caller must not
 * dead-letter it but try again later.
 */
public final class ParserUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ParserUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
