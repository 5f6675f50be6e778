package nl.kamerstukken.parse.blob;

import java.io.IOException;

/**
 * The blob store did not answer as it should (unreachable, 5xx, refused credentials): try the
 * document later.
 */
public final class BlobUnavailableException extends IOException {

  private static final long serialVersionUID = 1L;

  public BlobUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
