package nl.kamerstukken.kit.blob;

import java.io.IOException;

/**
 * The blob store did not answer as it should (unreachable, 5xx, refused credentials, an I/O error):
 * it says nothing about the document; try it later.
 */
public final class BlobStoreUnavailableException extends IOException {

  private static final long serialVersionUID = 1L;

  public BlobStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
