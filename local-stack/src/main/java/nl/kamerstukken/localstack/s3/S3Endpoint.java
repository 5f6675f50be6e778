package nl.kamerstukken.localstack.s3;

import java.net.URI;
import java.util.Objects;

/**
 * Where a local S3 API answers and the credentials it accepts (AWS signature v2 or v4). Clients
 * need path-style access ({@code forcePathStyle(true)} in AWS SDK v2); any region name is accepted,
 * {@link #region()} is a safe default.
 */
public record S3Endpoint(URI endpoint, String identity, String credential) {

  public S3Endpoint {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(credential, "credential");
  }

  public String region() {
    return "us-east-1";
  }

  @Override
  public String toString() {
    // The credential is local and fixed, but a toString that lands in logs should still not print
    // it.
    return "S3Endpoint[endpoint=" + endpoint + ", identity=" + identity + "]";
  }
}
