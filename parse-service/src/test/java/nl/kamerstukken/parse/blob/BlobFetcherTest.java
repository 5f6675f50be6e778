package nl.kamerstukken.parse.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.model.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How blob URIs become local files, and how S3's answers map to "dead letter" or "try again". The
 * S3 side is a tiny HTTP server that answers like S3 would (the real S3 path is covered end to end
 * by the cli's S3 IT on S3Proxy); here it lets each answer be chosen.
 */
class BlobFetcherTest {

  @TempDir Path dir;
  private HttpServer server;
  private final List<String> requested = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aFileBlobIsUsedWhereItIsAndAMissingOneIsRefusedForGood() throws Exception {
    Path blob = Files.writeString(dir.resolve("abcd"), "%PDF-1.4");
    try (BlobFetcher fetcher = new BlobFetcher(new BlobSettings(null, "us-east-1", false), dir)) {
      try (BlobFile found = fetcher.fetch(blob.toUri().toString(), "a.pdf")) {
        assertThat(found).isEqualTo(new BlobFile.Local(blob, false));
      }
      assertThat(blob).exists();

      BlobFile missing = fetcher.fetch(dir.resolve("gone").toUri().toString(), "b.pdf");
      assertThat(missing)
          .isInstanceOfSatisfying(
              BlobFile.Refused.class,
              r -> {
                assertThat(r.reasonCode()).isEqualTo(ReasonCode.BLOB_MISSING);
                assertThat(r.message()).contains("b.pdf");
              });
      assertThat(fetcher.fetch("ftp://host/blob", "c.pdf"))
          .isInstanceOfSatisfying(
              BlobFile.Refused.class,
              r -> assertThat(r.reasonCode()).isEqualTo(ReasonCode.BLOB_OUTSIDE_STORE));
    }
  }

  @Test
  void anS3BlobIsDownloadedToATempFileThatClosingDeletes() throws Exception {
    // Given an S3 server that has the object
    serve(200, "%PDF-1.4 inhoud");
    try (BlobFetcher fetcher = fetcher()) {
      // When it is fetched
      Path copy;
      try (BlobFile fetched = fetcher.fetch("s3://blobs/sha256/ab/cd/abcd", "a.pdf")) {
        // Then it is a local copy, read with a path-style request
        assertThat(fetched).isInstanceOf(BlobFile.Local.class);
        copy = ((BlobFile.Local) fetched).path();
        assertThat(copy).hasContent("%PDF-1.4 inhoud").startsWith(dir);
      }
      // And closing deletes the copy
      assertThat(copy).doesNotExist();
      assertThat(requested).containsExactly("GET /blobs/sha256/ab/cd/abcd");
    }
  }

  @Test
  void aMissingS3ObjectIsRefusedForGood() throws Exception {
    serve(
        404,
        "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
    try (BlobFetcher fetcher = fetcher()) {
      assertThat(fetcher.fetch("s3://blobs/sha256/ab/cd/abcd", "a.pdf"))
          .isInstanceOfSatisfying(
              BlobFile.Refused.class,
              r -> {
                assertThat(r.reasonCode()).isEqualTo(ReasonCode.BLOB_MISSING);
                assertThat(r.message()).contains("s3://blobs/sha256/ab/cd/abcd", "a.pdf");
              });
    }
    assertThat(Files.list(dir)).as("no temp file is left").isEmpty();
  }

  @Test
  void anUnavailableS3IsToBeTriedAgainNotDeadLettered() throws Exception {
    // Given an S3 server that answers 503, and one that is not there at all
    serve(
        503,
        "<Error><Code>ServiceUnavailable</Code><Message>Please reduce your request rate.</Message></Error>");
    try (BlobFetcher fetcher = fetcher()) {
      assertThatThrownBy(() -> fetcher.fetch("s3://blobs/k", "a.pdf"))
          .isInstanceOf(BlobUnavailableException.class)
          .hasMessageContaining("503");
    }
    int port = server.getAddress().getPort();
    server.stop(0);
    server = null;
    try (BlobFetcher fetcher = fetcher(port)) {
      assertThatThrownBy(() -> fetcher.fetch("s3://blobs/k", "a.pdf"))
          .isInstanceOf(BlobUnavailableException.class);
    }
    assertThat(Files.list(dir)).as("no temp file is left").isEmpty();
  }

  @Test
  void settingsComeFromParseS3VariablesWithPathStyleForAnEndpoint() {
    EnvConfig env =
        EnvConfig.of("PARSE_", java.util.Map.of("PARSE_S3_ENDPOINT", "http://minio:9000"));
    BlobSettings settings = BlobSettings.load(env, java.util.Map.of("AWS_REGION", "eu-west-1"));
    env.validate();

    assertThat(settings)
        .isEqualTo(new BlobSettings(URI.create("http://minio:9000"), "eu-west-1", true));
    EnvConfig bad = EnvConfig.of("PARSE_", java.util.Map.of("PARSE_S3_ENDPOINT", "minio:9000"));
    BlobSettings.load(bad, java.util.Map.of());
    assertThatThrownBy(bad::validate).hasMessageContaining("PARSE_S3_ENDPOINT=minio:9000");
  }

  private void serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requested.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", status == 200 ? "application/pdf" : "application/xml");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  private BlobFetcher fetcher() {
    return fetcher(server.getAddress().getPort());
  }

  private BlobFetcher fetcher(int port) {
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    S3Client client =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
            .build();
    return new BlobFetcher(new BlobSettings(endpoint, "us-east-1", true), dir, client);
  }
}
