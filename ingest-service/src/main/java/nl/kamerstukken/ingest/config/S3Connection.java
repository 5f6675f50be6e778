package nl.kamerstukken.ingest.config;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * How to reach the S3 API. Credentials are not part of it: they come from the AWS default chain
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, system properties, profile, container
 * or instance role) and are never logged.
 *
 * @param endpoint the S3 server ({@code INGEST_S3_ENDPOINT}, e.g. {@code http://minio:9000}); null
 *     = AWS
 * @param region the region ({@code INGEST_S3_REGION}, default {@code AWS_REGION} or us-east-1)
 * @param pathStyle {@code http://host/bucket/key} addressing, which MinIO and S3Proxy need ({@code
 *     INGEST_S3_PATH_STYLE}, default true when an endpoint is set)
 */
public record S3Connection(URI endpoint, String region, boolean pathStyle) {

  /** A client over the JDK's HTTP connection; the caller closes it. */
  public S3Client connect() {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .forcePathStyle(pathStyle);
    if (endpoint != null) {
      // Servers other than AWS (MinIO, S3Proxy) may not know the newer flexible checksums: send
      // them only
      // when an operation requires them.
      builder
          .endpointOverride(endpoint)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
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
