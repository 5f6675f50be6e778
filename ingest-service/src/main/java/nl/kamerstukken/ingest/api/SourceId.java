package nl.kamerstukken.ingest.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Which source a document came from: a folder, a bucket (or a prefix of one), or the KOOP feed. The
 * id is derived from the canonical location, so the same folder (however it is named: a relative
 * path, a link) or the same {@code s3://bucket/prefix} always has the same id, and the ingest state
 * keeps one ledger per id.
 *
 * @param id stable and file-name safe, e.g. {@code folder-inbox-1a2b3c4d}, {@code
 *     s3-kamerstukken-inbox-5e6f7a8b}, {@code koop}
 * @param kind {@code folder}, {@code s3} or {@code koop}
 * @param location the folder's real path, {@code s3://bucket} or {@code s3://bucket/prefix}, or
 *     {@code koop}
 */
public record SourceId(String id, String kind, String location) {

  public static final String FOLDER = "folder";
  public static final String S3 = "s3";
  public static final String KOOP = "koop";

  public SourceId {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    if (!id.matches("[a-z0-9][a-z0-9._-]{0,80}")) {
      throw new IllegalArgumentException("not a source id: " + id);
    }
  }

  /** The folder's id: from its real path (its absolute normalized path while it does not exist). */
  public static SourceId folder(Path folder) {
    Path canonical = folder.toAbsolutePath().normalize();
    try {
      if (Files.exists(canonical)) {
        canonical = canonical.toRealPath();
      }
    } catch (IOException e) {
      // unreadable: its absolute path names it as well as it can be named
    }
    String location = canonical.toString();
    Path name = canonical.getFileName();
    return new SourceId(
        FOLDER + "-" + slug(name == null ? "root" : name.toString()) + "-" + digest(location),
        FOLDER,
        location);
  }

  /** A bucket's id; {@code prefix} "" = the whole bucket, a trailing slash is ignored. */
  public static SourceId bucket(String bucket, String prefix) {
    String folder = prefix == null ? "" : prefix.replaceAll("/+$", "");
    String location = "s3://" + bucket + (folder.isEmpty() ? "" : "/" + folder);
    return new SourceId(S3 + "-" + slug(bucket) + "-" + digest(location), S3, location);
  }

  /** The KOOP SRU feed (one per state: its checkpoint and ledger live in {@code koop/}). */
  public static SourceId koop() {
    return new SourceId(KOOP, KOOP, KOOP);
  }

  /**
   * The id a user's words name: an id as shown, an {@code s3://} URI, {@code koop}, or else a
   * folder path (resolved against the working directory).
   */
  public static SourceId parse(String words) {
    String text = words.strip();
    if (text.equals(KOOP)) {
      return koop();
    }
    if (text.startsWith("s3://")) {
      String rest = text.substring("s3://".length());
      int slash = rest.indexOf('/');
      return slash < 0
          ? bucket(rest, "")
          : bucket(rest.substring(0, slash), rest.substring(slash + 1));
    }
    return folder(Path.of(text));
  }

  /** Whether a user's words name this source: its id, its location, or its folder. */
  public boolean isNamedBy(String words) {
    String text = words.strip();
    if (text.equals(id) || text.equals(location)) {
      return true;
    }
    try {
      return parse(text).location().equals(location);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** {@code kind location}, for listings. */
  public String describe() {
    return kind.equals(KOOP) ? "the KOOP feed" : kind + " " + location;
  }

  private static String slug(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40);
    }
    return slug.isEmpty() ? "x" : slug;
  }

  private static String digest(String location) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
