package nl.kamerstukken.ingest.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A {@link BlobStore} in a local folder: {@code <dir>/<aa>/<bb>/<sha256>}, where {@code aa} and
 * {@code bb} are the first two byte pairs of the hash (so no folder holds more than a few thousand
 * entries). The bytes are hashed while they are copied to {@code <dir>/.incoming/} (same file
 * system), flushed to disk, then renamed into place atomically: a reader never sees a partial blob,
 * and a crash leaves at most a stray file in {@code .incoming}. A full file system fails a put with
 * {@link StorageFullException}.
 */
public final class FolderBlobStore implements BlobStore {

  private static final int BUFFER_BYTES = 64 * 1024;
  private static final HexFormat HEX = HexFormat.of();

  private final Path root;
  private final Path incoming;

  private FolderBlobStore(Path root) {
    this.root = root;
    this.incoming = root.resolve(".incoming");
  }

  /**
   * A store in {@code dir}, created if missing; stray temp files of crashed writers are removed.
   */
  public static FolderBlobStore create(Path dir) throws IOException {
    Path root = Files.createDirectories(dir).toRealPath();
    FolderBlobStore store = new FolderBlobStore(root);
    Files.createDirectories(store.incoming);
    store.removeStrayTempFiles();
    return store;
  }

  /**
   * Temp files older than a day: no put takes that long, so their writer is gone (another may share
   * the store).
   */
  private void removeStrayTempFiles() throws IOException {
    Instant cutoff = Instant.now().minus(Duration.ofDays(1));
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(incoming, "put-*.tmp")) {
      for (Path temp : temps) {
        if (Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff)) {
          Files.deleteIfExists(temp);
        }
      }
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public StoredBlob put(InputStream content) throws IOException {
    Path temp = incoming.resolve("put-" + UUID.randomUUID() + ".tmp");
    try {
      MessageDigest digest = sha256();
      long size = copy(content, temp, digest);
      String sha = HEX.formatHex(digest.digest());
      Path target = pathFor(sha);
      if (!(Files.isRegularFile(target) && Files.size(target) == size)) {
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      return new StoredBlob(sha, size, target.toUri());
    } catch (IOException e) {
      throw StorageFullException.inFolder(root, e).map(IOException.class::cast).orElse(e);
    } finally {
      // A failed put (the disk full, too) leaves no partial blob behind.
      Files.deleteIfExists(temp);
    }
  }

  private static long copy(InputStream content, Path temp, MessageDigest digest)
      throws IOException {
    long size = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    try (FileChannel out =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      int read;
      while ((read = content.read(buffer)) != -1) {
        digest.update(buffer, 0, read);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        size += read;
      }
      // Durable before it becomes visible: the blob is announced right after this returns.
      out.force(true);
    }
    return size;
  }

  @Override
  public InputStream open(URI uri) throws IOException {
    return Files.newInputStream(ownPath(uri));
  }

  @Override
  public boolean exists(String sha256) {
    return Files.isRegularFile(pathFor(sha256));
  }

  /** Where content with this hash is (or would be) stored. */
  public Path pathFor(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  private Path ownPath(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "blob " + uri + " is not a file URI of the blob store in " + root);
    }
    Path path = Path.of(uri).normalize();
    if (!path.startsWith(root) || path.startsWith(incoming)) {
      throw new IllegalArgumentException("blob " + uri + " is not in the blob store " + root);
    }
    return path;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
