package nl.kamerstukken.cli.s3;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.kamerstukken.kit.s3.S3Clients;
import nl.kamerstukken.kit.s3.S3Connection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3 server the pipeline reads from (S3Proxy started by {@code up}, MinIO, AWS), with the two
 * buckets the pipeline uses: the watched inbox and the content-addressed blob store.
 *
 * @param endpoint the S3 API, e.g. {@code http://127.0.0.1:9000}; null = AWS
 * @param accessKey access key id, or null to use the AWS default chain
 * @param secretKey secret access key, or null (never printed by {@link #toString()})
 * @param region region name
 * @param inboxBucket the watched bucket
 * @param blobBucket where the blobs go
 */
public record S3Target(
    URI endpoint,
    String accessKey,
    String secretKey,
    String region,
    String inboxBucket,
    String blobBucket) {

  public static final String INBOX_BUCKET = "kamerstukken-inbox";
  public static final String BLOB_BUCKET = "kamerstukken-blobs";

  public S3Target {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(inboxBucket, "inboxBucket");
    Objects.requireNonNull(blobBucket, "blobBucket");
  }

  /** A path-style client (as MinIO and S3Proxy need); the caller closes it. */
  public S3Client client() {
    AwsCredentialsProvider credentials =
        accessKey == null
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    return S3Clients.create(new S3Connection(endpoint, region, endpoint != null), credentials);
  }

  /** Creates both buckets unless they exist. */
  public void createBuckets() {
    try (S3Client s3 = client()) {
      for (String bucket : new String[] {inboxBucket, blobBucket}) {
        try {
          s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
          // there from an earlier run
        } catch (S3Exception e) {
          if (e.statusCode() != 409) {
            throw e;
          }
        }
      }
    }
  }

  /**
   * What the three services need to read the inbox bucket and the blob bucket (see the module
   * READMEs).
   */
  public Map<String, String> serviceEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("INGEST_SOURCE", "s3");
    env.put("INGEST_S3_BUCKET", inboxBucket);
    env.put("INGEST_BLOB_STORE", "s3");
    env.put("INGEST_BLOB_BUCKET", blobBucket);
    env.put("INGEST_S3_REGION", region);
    // parse-service and index-service open claim checks only in the blob bucket.
    for (String service : new String[] {"PARSE_", "INDEX_"}) {
      env.put(service + "BLOB_STORE", "s3");
      env.put(service + "BLOB_BUCKET", blobBucket);
      env.put(service + "S3_REGION", region);
      if (endpoint != null) {
        env.put(service + "S3_ENDPOINT", endpoint.toString());
      }
    }
    if (endpoint != null) {
      env.put("INGEST_S3_ENDPOINT", endpoint.toString());
    }
    if (accessKey != null) {
      env.put("AWS_ACCESS_KEY_ID", accessKey);
      env.put("AWS_SECRET_ACCESS_KEY", secretKey);
    }
    return env;
  }

  @Override
  public String toString() {
    return "s3://"
        + inboxBucket
        + " at "
        + (endpoint == null ? "AWS" : endpoint.toString())
        + " (blobs in s3://"
        + blobBucket
        + ")";
  }
}
