package nl.kamerstukken.parse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import nl.kamerstukken.model.ReasonCode;

/**
 * Refuses a ZIP-based document (DOCX, ODT) that is a zip bomb, before Tika reads it: Tika switches
 * off POI's own guard, and POI builds a DOCX's whole body in memory. Every part is inflated once,
 * streaming (constant memory), and counted; reading stops as soon as a part grows beyond {@value
 * #MAX_PART_BYTES} bytes or inflates more than {@value #MAX_RATIO} times its compressed size (past
 * the first megabyte). Real DOCX and ODT parts compress 3 to 20 times.
 */
public final class ZipGuard {

  static final long MAX_PART_BYTES = 100L * 1024 * 1024;
  static final int MAX_RATIO = 100;
  private static final long GRACE_BYTES = 1024 * 1024;
  private static final int MAX_PARTS = 10_000;
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  private ZipGuard() {}

  /** Does nothing for files that are not ZIP archives. */
  public static void check(Path file, String name) throws ExtractionFailure {
    try (InputStream in = Files.newInputStream(file)) {
      if (!Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC)) {
        return;
      }
    } catch (IOException e) {
      throw new ExtractionFailure(
          ReasonCode.UNREADABLE_DOCUMENT, name + " could not be read (" + e.getMessage() + ")", e);
    }
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      if (zip.size() > MAX_PARTS) {
        throw bomb(name, "has more than " + MAX_PARTS + " parts");
      }
      for (ZipEntry entry : Collections.list(zip.entries())) {
        try (InputStream part = zip.getInputStream(entry)) {
          inflate(part, entry, name);
        }
      }
    } catch (IOException e) {
      // Not a readable archive: Tika decides what the file is and reports it.
    }
  }

  /** Counts what one part inflates to; the compressed size comes from the archive's directory. */
  private static void inflate(InputStream part, ZipEntry entry, String name)
      throws IOException, ExtractionFailure {
    byte[] buffer = new byte[64 * 1024];
    long inflated = 0;
    long compressed = Math.max(1, entry.getCompressedSize());
    for (int read = part.read(buffer); read >= 0; read = part.read(buffer)) {
      inflated += read;
      if (inflated > MAX_PART_BYTES) {
        throw bomb(
            name,
            "inflates its part "
                + entry.getName()
                + " beyond "
                + MAX_PART_BYTES / (1024 * 1024)
                + " MB");
      }
      if (inflated > GRACE_BYTES && inflated / compressed > MAX_RATIO) {
        throw bomb(
            name,
            "inflates its part "
                + entry.getName()
                + " more than "
                + MAX_RATIO
                + " times ("
                + compressed / 1024
                + " KB to over "
                + inflated / (1024 * 1024)
                + " MB)");
      }
    }
  }

  private static ExtractionFailure bomb(String name, String what) {
    return new ExtractionFailure(
        ReasonCode.ZIP_BOMB,
        name
            + " "
            + what
            + ": this looks like a zip bomb and is not read;"
            + " export the document again from its source",
        null);
  }
}
