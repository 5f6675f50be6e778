package nl.kamerstukken.kit.s3;

import java.net.URI;
import java.util.Map;
import nl.kamerstukken.kit.config.EnvConfig;

/**
 * How to reach an S3 API: AWS, or another server (MinIO, S3Proxy) at an endpoint. Credentials are
 * not part of it: {@link S3Clients} takes them from the AWS default chain ({@code
 * AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, system properties, profile, container or
 * instance role) unless the caller gives its own, and they are never logged.
 *
 * @param endpoint the S3 server, e.g. {@code http://minio:9000}; null = AWS
 * @param region the region name
 * @param pathStyle {@code http://host/bucket/key} addressing, which MinIO and S3Proxy need
 */
public record S3Connection(URI endpoint, String region, boolean pathStyle) {

  public static final String DEFAULT_REGION = "us-east-1";

  /** AWS itself in {@code region}, virtual-host addressing. */
  public static S3Connection aws(String region) {
    return new S3Connection(null, region, false);
  }

  /**
   * Reads {@code <PREFIX>S3_ENDPOINT} (empty = AWS), {@code <PREFIX>S3_REGION} (default {@code
   * AWS_REGION}, else us-east-1) and {@code <PREFIX>S3_PATH_STYLE} (default true when an endpoint
   * is set). A bad value is reported by the caller's {@code env.validate()}, named.
   */
  public static S3Connection load(EnvConfig env, Map<String, String> environment) {
    String text = env.string("S3_ENDPOINT", "");
    URI endpoint = null;
    if (!text.isEmpty()) {
      try {
        endpoint = URI.create(text);
      } catch (IllegalArgumentException e) {
        endpoint = null;
      }
      if (endpoint == null
          || endpoint.getHost() == null
          || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
        env.reject(
            "S3_ENDPOINT",
            text,
            "expected an http(s) URL like http://minio:9000, or empty for AWS");
        endpoint = null;
      }
    }
    String region = env.string("S3_REGION", environment.getOrDefault("AWS_REGION", DEFAULT_REGION));
    return new S3Connection(endpoint, region, env.bool("S3_PATH_STYLE", !text.isEmpty()));
  }

  @Override
  public String toString() {
    return (endpoint == null ? "AWS S3" : "S3 at [" + endpoint + "]")
        + " region ["
        + region
        + "]"
        + (pathStyle ? " path-style" : "");
  }
}
