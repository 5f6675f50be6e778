package nl.kamerstukken.ingest.blob;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A write failed because its storage has no room: the file system is full (ENOSPC "No space left on
 * device", or a quota, EDQUOT) or an S3 store says so (507 Insufficient Storage, MinIO's {@code
 * XMinioStorageFull}). Not the file's fault: ingest does not dead-letter it but waits for space and
 * tries again (see the README, "Disk full").
 */
public final class StorageFullException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Unknown free space (a bucket). */
  public static final long UNKNOWN = -1;

  private final String where;
  private final long freeBytes;

  private StorageFullException(String where, long freeBytes, Throwable cause) {
    super(
        "no space left in "
            + where
            + (freeBytes == UNKNOWN ? "" : " (" + freeBytes + " bytes free)")
            + ": "
            + cause.getMessage(),
        cause);
    this.where = where;
    this.freeBytes = freeBytes;
  }

  /** The folder or bucket that is full, as the operator configured it. */
  public String where() {
    return where;
  }

  /** Usable bytes in {@link #where} when the write failed, {@link #UNKNOWN} for a bucket. */
  public long freeBytes() {
    return freeBytes;
  }

  /**
   * {@code failure} of a write below the folder {@code dir} as a {@link StorageFullException} when
   * it means the file system is full; empty otherwise.
   */
  public static Optional<StorageFullException> inFolder(Path dir, IOException failure) {
    if (failure instanceof StorageFullException full) {
      return Optional.of(full);
    }
    if (!isNoSpace(failure)) {
      return Optional.empty();
    }
    return Optional.of(new StorageFullException(dir.toString(), usableSpace(dir), failure));
  }

  /** An S3 store that answered "full" for {@code uri} (see {@link #isNoSpace}). */
  public static StorageFullException inBucket(String uri, Exception failure) {
    return new StorageFullException(uri, UNKNOWN, failure);
  }

  /** Usable bytes of the file system holding {@code dir}, {@link #UNKNOWN} if it cannot tell. */
  public static long usableSpace(Path dir) {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  /**
   * Whether {@code failure} (or a cause of it) says that storage is full. Java reports ENOSPC as an
   * {@link IOException} with the C library's message (a {@link FileSystemException} with it as
   * reason for file operations); S3 as status 507 or an error code naming the storage as full.
   */
  public static boolean isNoSpace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StorageFullException) {
        return true;
      }
      if (t instanceof S3Exception s3 && isFullBucket(s3)) {
        return true;
      }
      String text =
          t instanceof FileSystemException fs && fs.getReason() != null
              ? fs.getReason()
              : t.getMessage();
      if (t instanceof IOException && text != null && namesNoSpace(text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean namesNoSpace(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    return m.contains("no space left on device") || m.contains("disk quota exceeded");
  }

  private static boolean isFullBucket(S3Exception e) {
    if (e.statusCode() == 507) {
      return true;
    }
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return "XMinioStorageFull".equals(code) || "InsufficientStorage".equals(code);
  }
}
