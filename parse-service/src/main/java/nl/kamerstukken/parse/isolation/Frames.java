package nl.kamerstukken.parse.isolation;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The wire format between the service and a parse worker: a marker, a 4-byte big-endian length,
 * then that many bytes of JSON. The marker lets the reader skip anything else that reaches the
 * stream: the JVM itself writes a native crash report to stdout, whatever the worker does with
 * {@code System.out}. A length beyond the agreed maximum is refused before anything is allocated.
 */
final class Frames {

  /**
   * Starts every frame; its first byte occurs only there, so a partial match can restart at a
   * mismatch.
   */
  private static final byte[] MARKER = {0, 'K', 'S', 'T', 'F', 'R', 'M', 1};

  private static final int JUNK_CHUNK = 8 * 1024;

  private Frames() {}

  static void write(DataOutputStream out, byte[] payload) throws IOException {
    out.write(MARKER);
    out.writeInt(payload.length);
    out.write(payload);
    out.flush();
  }

  /**
   * The next frame; bytes before its marker are handed to {@code junk} as text. {@link
   * EOFException} when the other side closed the stream.
   */
  static byte[] read(DataInputStream in, int maxBytes, Consumer<String> junk) throws IOException {
    skipToMarker(in, junk);
    int length = in.readInt();
    if (length < 0 || length > maxBytes) {
      throw new FrameTooLargeException(length, maxBytes);
    }
    byte[] payload = new byte[length];
    in.readFully(payload);
    return payload;
  }

  private static void skipToMarker(DataInputStream in, Consumer<String> junk) throws IOException {
    ByteArrayOutputStream skipped = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < MARKER.length) {
      int b = in.read();
      if (b < 0) {
        report(skipped, junk);
        throw new EOFException("stream ended");
      }
      if (b == (MARKER[matched] & 0xff)) {
        matched++;
        continue;
      }
      skipped.write(MARKER, 0, matched);
      matched = b == (MARKER[0] & 0xff) ? 1 : 0;
      if (matched == 0) {
        skipped.write(b);
      }
      if (skipped.size() >= JUNK_CHUNK) {
        report(skipped, junk);
      }
    }
    report(skipped, junk);
  }

  private static void report(ByteArrayOutputStream skipped, Consumer<String> junk) {
    if (skipped.size() > 0) {
      junk.accept(skipped.toString(StandardCharsets.UTF_8));
      skipped.reset();
    }
  }

  /** A frame longer than the reader accepts: the stream cannot be trusted after it. */
  static final class FrameTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    FrameTooLargeException(int length, int maxBytes) {
      super("frame of " + length + " bytes exceeds the limit of " + maxBytes + " bytes");
    }
  }
}
