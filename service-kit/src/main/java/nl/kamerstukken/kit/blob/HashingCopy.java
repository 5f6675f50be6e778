package nl.kamerstukken.kit.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a stream to a file while hashing and counting it, reading no more than needed. */
final class HashingCopy {

  private static final int BUFFER_BYTES = 64 * 1024;

  private HashingCopy() {}

  /**
   * What was copied.
   *
   * @param size bytes copied (at most {@code limit + 1})
   * @param sha256 lower-case hex SHA-256 of those bytes
   * @param tooLong the source had more than {@code limit} bytes (the rest was not read)
   */
  record Copied(long size, String sha256, boolean tooLong) {}

  /**
   * Copies {@code in} to {@code target} (which exists and is truncated), stopping after {@code
   * limit + 1} bytes: a claim check that announces a small size cannot make us copy a huge file.
   */
  static Copied copy(InputStream in, Path target, long limit) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[BUFFER_BYTES];
    long size = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      while (size <= limit) {
        int wanted = (int) Math.min(buffer.length, limit + 1 - size);
        int read = in.read(buffer, 0, wanted);
        if (read == -1) {
          break;
        }
        digest.update(buffer, 0, read);
        out.write(buffer, 0, read);
        size += read;
      }
    }
    return new Copied(size, HexFormat.of().formatHex(digest.digest()), size > limit);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
