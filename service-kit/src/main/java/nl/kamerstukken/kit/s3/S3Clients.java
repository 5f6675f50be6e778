package nl.kamerstukken.kit.s3;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The one place an S3 client is built. The caller closes the client. */
public final class S3Clients {

  private S3Clients() {}

  /** A client with credentials from the AWS default chain. */
  public static S3Client create(S3Connection connection) {
    return create(connection, DefaultCredentialsProvider.builder().build());
  }

  /**
   * A client over the JDK's HTTP connection with the given credentials. For a server other than AWS
   * (an endpoint is set: MinIO, S3Proxy) checksums are sent and checked only when an operation
   * requires them: such servers may not know the newer flexible checksums.
   */
  public static S3Client create(S3Connection connection, AwsCredentialsProvider credentials) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(connection.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(connection.pathStyle());
    if (connection.endpoint() != null) {
      builder
          .endpointOverride(connection.endpoint())
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }
}
