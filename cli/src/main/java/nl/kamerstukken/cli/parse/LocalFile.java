package nl.kamerstukken.cli.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.kamerstukken.model.SourceFile;
import org.apache.tika.Tika;

/**
 * Describes a file on disk the way ingest would: SHA-256 and detected media type; no blob store.
 */
public final class LocalFile {

  private static final Tika TIKA = new Tika();

  private LocalFile() {}

  public static SourceFile describe(Path file) throws IOException {
    return new SourceFile(
        file.getFileName().toString(),
        sha256(file),
        TIKA.detect(file),
        Files.size(file),
        null,
        null);
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
