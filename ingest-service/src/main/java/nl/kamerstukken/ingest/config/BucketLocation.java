package nl.kamerstukken.ingest.config;

import java.util.Objects;

/**
 * A bucket, or a folder in it: every key that starts with {@link #prefix()}.
 *
 * @param bucket the bucket's name
 * @param prefix "" (the whole bucket) or a folder ending in {@code /}, e.g. {@code inbox/}
 */
public record BucketLocation(String bucket, String prefix) {

  public BucketLocation {
    Objects.requireNonNull(bucket, "bucket");
    prefix = prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
  }

  /**
   * {@code s3://bucket/key}: how ingest names objects in the ledger, in events and in blob URIs.
   */
  public String uri(String key) {
    return "s3://" + bucket + "/" + key;
  }

  /**
   * The location itself as {@code s3://bucket} or {@code s3://bucket/prefix} (without the last
   * slash).
   */
  public String root() {
    return prefix.isEmpty()
        ? "s3://" + bucket
        : "s3://" + bucket + "/" + prefix.substring(0, prefix.length() - 1);
  }

  /** Whether the two share keys (one lies in the other). */
  public boolean overlaps(BucketLocation other) {
    return bucket.equals(other.bucket)
        && (prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix));
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + prefix;
  }
}
