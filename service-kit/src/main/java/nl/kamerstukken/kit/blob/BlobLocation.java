package nl.kamerstukken.kit.blob;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.kamerstukken.kit.config.EnvConfig;

/**
 * Where a deployment keeps its blobs (the bytes behind a claim check): a folder ({@code
 * <dir>/aa/bb/<sha256>}, as ingest's folder store writes them) or a bucket and key prefix ({@code
 * s3://bucket/<prefix>aa/bb/<sha256>}). A blob URI is only ever opened after {@link #locate} placed
 * it inside this location; nothing else is read.
 */
public sealed interface BlobLocation {

  /** Ingest's staging folder inside a blob folder: partial writes, never a stored blob. */
  String INCOMING = ".incoming";

  /** S3's rules for bucket names (3 to 63 lower-case letters, digits, dots and hyphens). */
  Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /**
   * Where {@code blobUri} points inside this store, or why it is outside. Opens nothing; a folder
   * store follows links to see where they lead.
   */
  Target locate(String blobUri);

  /** For logs and messages. */
  String describe();

  /**
   * Reads {@code <PREFIX>BLOB_STORE} ({@code folder}, the default, or {@code s3}), then for a
   * folder {@code <PREFIX>BLOB_DIR} (default {@code ./.kamerstukken/blobs}, as ingest's), for a
   * bucket {@code <PREFIX>BLOB_BUCKET} and {@code <PREFIX>BLOB_PREFIX}. Problems are reported,
   * named, by the caller's {@code env.validate()}. A folder that does not exist yet is accepted
   * (ingest creates it); one that is no readable folder is not.
   */
  static BlobLocation load(EnvConfig env) {
    String kind = env.string("BLOB_STORE", "folder").toLowerCase(Locale.ROOT);
    switch (kind) {
      case "s3" -> {
        String bucket = env.string("BLOB_BUCKET", "");
        if (!BUCKET.matcher(bucket).matches()) {
          env.reject(
              "BLOB_BUCKET",
              bucket,
              "expected the blob bucket's name (3 to 63 lower-case letters, digits, '.' or '-'),"
                  + " the one ingest writes to (INGEST_BLOB_BUCKET)");
        }
        String prefix = env.string("BLOB_PREFIX", "");
        if (prefix.startsWith("/") || !Bucket.validKey(prefix.isEmpty() ? "x" : prefix + "x")) {
          env.reject(
              "BLOB_PREFIX", prefix, "expected a key prefix like blobs/ (no leading '/', no ..)");
        }
        return new Bucket(bucket, prefix);
      }
      case "folder" -> {
        Path dir = env.path("BLOB_DIR", Path.of(".kamerstukken", "blobs"));
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute)
            && (!Files.isDirectory(absolute)
                || !Files.isReadable(absolute)
                || !Files.isExecutable(absolute))) {
          env.reject(
              "BLOB_DIR",
              dir.toString(),
              "must be the blob folder ingest writes to (INGEST_BLOB_DIR), readable by this service");
        }
        return new Folder(absolute);
      }
      default -> {
        env.reject("BLOB_STORE", kind, "expected folder or s3, as INGEST_BLOB_STORE");
        return new Folder(Path.of(".kamerstukken", "blobs").toAbsolutePath());
      }
    }
  }

  /** Where a blob URI leads. */
  sealed interface Target {}

  /**
   * Inside a folder store: {@code file} is its real path (links followed) when it exists, else
   * where it would be.
   */
  record InFolder(Path file, boolean exists) implements Target {}

  /** Inside a bucket store, under {@code key}. */
  record InBucket(String bucket, String key) implements Target {}

  /** Not in this store: never to be opened. */
  record Outside(String why) implements Target {}

  /**
   * A folder store.
   *
   * @param dir the folder, absolute
   */
  record Folder(Path dir) implements BlobLocation {

    public Folder {
      dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public Target locate(String blobUri) {
      URI uri;
      Path path;
      try {
        uri = new URI(blobUri);
        if (!"file".equals(uri.getScheme()) || uri.getRawAuthority() != null) {
          return new Outside(blobUri + " is not a file: URI of this machine");
        }
        path = Path.of(uri).normalize();
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        return new Outside(blobUri + " is not a file path: " + e.getMessage());
      }
      if (!inside(path, dir)) {
        return new Outside(path + " is not inside the blob folder " + dir);
      }
      Path root = realOrSelf(dir);
      if (!Files.exists(path)) {
        return new InFolder(path, false);
      }
      Path real;
      try {
        real = path.toRealPath();
      } catch (IOException e) {
        return new InFolder(path, false);
      }
      if (!inside(real, root)) {
        return new Outside(path + " leads (through a link) to " + real + ", outside " + root);
      }
      return new InFolder(real, true);
    }

    private static boolean inside(Path path, Path root) {
      return path.startsWith(root)
          && !path.equals(root)
          && !path.startsWith(root.resolve(INCOMING));
    }

    private static Path realOrSelf(Path path) {
      try {
        return path.toRealPath();
      } catch (IOException e) {
        return path;
      }
    }

    @Override
    public String describe() {
      return "blob folder [" + dir + "]";
    }
  }

  /**
   * A bucket store.
   *
   * @param bucket the bucket
   * @param prefix "" or a key prefix ending in {@code /}
   */
  record Bucket(String bucket, String prefix) implements BlobLocation {

    public Bucket {
      Objects.requireNonNull(bucket, "bucket");
      prefix =
          prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public Target locate(String blobUri) {
      String start = "s3://" + bucket + "/";
      if (blobUri == null || !blobUri.startsWith(start)) {
        return new Outside(blobUri + " is not in the blob bucket s3://" + bucket);
      }
      String key = blobUri.substring(start.length());
      if (!key.startsWith(prefix) || key.length() == prefix.length()) {
        return new Outside(blobUri + " is not under the blob prefix " + describe());
      }
      if (!validKey(key)) {
        return new Outside(blobUri + " is no plain key (empty, '.' or '..' parts, escapes)");
      }
      return new InBucket(bucket, key);
    }

    /**
     * Keys ingest writes are plain: no '.'/'..' parts an HTTP layer might resolve, no escapes, no
     * query or fragment characters.
     */
    static boolean validKey(String key) {
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        if (c < 0x21 || c == 0x7f || c == '\\' || c == '%' || c == '?' || c == '#') {
          return false;
        }
      }
      for (String part : key.split("/", -1)) {
        if (part.isEmpty() || part.equals(".") || part.equals("..")) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String describe() {
      return "blob bucket [s3://" + bucket + "/" + prefix + "]";
    }
  }
}
