package nl.kamerstukken.kit.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamerstukken.model.ReasonCode;

/**
 * What reading a claim check gave: a private copy of exactly the announced bytes, or the reason
 * there is none. Close it when done: the copy is deleted then.
 */
public sealed interface VerifiedBlob extends AutoCloseable {

  @Override
  void close() throws IOException;

  /**
   * The announced bytes, verified, in a file only this service can write (no other process can
   * change them between the check and their use).
   *
   * @param file the private copy, deleted by {@link #close()}
   * @param size its size in bytes
   */
  record Verified(Path file, long size) implements VerifiedBlob {

    @Override
    public void close() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  /**
   * For good: {@code BLOB_OUTSIDE_STORE} (never opened), {@code BLOB_HASH_MISMATCH} or {@code
   * BLOB_MISSING}, with a message that says what and where.
   */
  record Refused(ReasonCode reasonCode, String message) implements VerifiedBlob {

    @Override
    public void close() {
      // nothing was copied
    }
  }
}
