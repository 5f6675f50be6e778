package nl.kamerstukken.parse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.regex.Pattern;
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

  /** The end-of-central-directory record: 22 bytes plus a comment of at most 65,535. */
  private static final int END_RECORD_REACH = 22 + 65_535;

  private static final byte[] END_MAGIC = {'P', 'K', 5, 6};
  private static final Pattern DOCUMENT_PART =
      Pattern.compile(
          "mimetype|\\[Content_Types\\]\\.xml|_rels/.*|word/.*|META-INF/.*|content\\.xml");
  private static final Pattern DOCUMENT_NAME = Pattern.compile("(?i).*\\.(docx|docm|dotx|odt|ott)");

  private ZipGuard() {}

  /**
   * Fails with {@code INCOMPLETE_DOCUMENT} for a ZIP-based document (DOCX, ODT: by its name or its
   * first part) whose central directory is missing, the archive's end: the file was cut off, and
   * what a reader would recover from its local headers is only the parts before the cut. Does
   * nothing for other files and for archives that are not documents.
   */
  public static void requireCentralDirectory(Path file, String name) throws ExtractionFailure {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      byte[] head = new byte[(int) Math.min(30 + 256, in.length())];
      in.readFully(head);
      if (head.length < 30 || !Arrays.equals(Arrays.copyOf(head, 4), ZIP_MAGIC)) {
        return;
      }
      int nameLength = Math.min((head[26] & 0xff) | (head[27] & 0xff) << 8, head.length - 30);
      String firstPart = new String(head, 30, nameLength, StandardCharsets.UTF_8);
      if (!DOCUMENT_PART.matcher(firstPart).matches() && !DOCUMENT_NAME.matcher(name).matches()) {
        return;
      }
      long size = in.length();
      byte[] tail = new byte[(int) Math.min(END_RECORD_REACH, size)];
      in.seek(size - tail.length);
      in.readFully(tail);
      if (!contains(tail, END_MAGIC)) {
        throw new ExtractionFailure(
            ReasonCode.INCOMPLETE_DOCUMENT,
            name
                + " is incomplete: this ZIP-based document (DOCX, ODT) ends after "
                + size
                + " bytes without its central directory, so its last parts are missing; it is"
                + " not indexed as a whole document: drop the complete file again under the same"
                + " name",
            null);
      }
    } catch (IOException e) {
      throw new ExtractionFailure(
          ReasonCode.UNREADABLE_DOCUMENT, name + " could not be read (" + e.getMessage() + ")", e);
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = haystack.length - needle.length; i >= 0; i--) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }

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
