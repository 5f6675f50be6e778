package nl.kamerstukken.parse.blob;

import java.net.URI;
import java.util.Map;
import nl.kamerstukken.kit.config.EnvConfig;

/**
 * How parse-service reaches blobs in S3 ({@code s3://bucket/key} blob URIs). Credentials come from
 * the AWS default chain ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profile,
 * container or instance role) and are never logged. Unused while every blob is a {@code file:} URI.
 *
 * @param endpoint the S3 server ({@code PARSE_S3_ENDPOINT}, e.g. {@code http://minio:9000}); null =
 *     AWS
 * @param region the region ({@code PARSE_S3_REGION}, default {@code AWS_REGION} or us-east-1)
 * @param pathStyle path-style addressing, which MinIO and S3Proxy need ({@code
 *     PARSE_S3_PATH_STYLE}, default true when an endpoint is set)
 */
public record BlobSettings(URI endpoint, String region, boolean pathStyle) {

  /**
   * Reads the {@code PARSE_S3_*} variables; problems are reported by the caller's {@code
   * env.validate()}.
   */
  public static BlobSettings load(EnvConfig env, Map<String, String> environment) {
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
    String region = env.string("S3_REGION", environment.getOrDefault("AWS_REGION", "us-east-1"));
    return new BlobSettings(endpoint, region, env.bool("S3_PATH_STYLE", !text.isEmpty()));
  }

  @Override
  public String toString() {
    return (endpoint == null ? "AWS S3" : "S3 at [" + endpoint + "]") + " region [" + region + "]";
  }
}
