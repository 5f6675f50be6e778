package nl.kamerstukken.kit.blob;

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
import java.util.stream.Stream;
import nl.kamerstukken.kit.s3.S3Clients;
import nl.kamerstukken.kit.s3.S3Connection;
import nl.kamerstukken.model.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Claim checks in a bucket: which URIs are in the store, and how S3's answers map to a verified
 * copy, a dead letter or "try again". The S3 side is a tiny HTTP server that answers as S3 would
 * (the real S3 path runs end to end on S3Proxy in the cli's bucket ITs); here each answer can be
 * chosen.
 */
class BucketClaimCheckTest {

  private static final BlobLocation.Bucket STORE =
      new BlobLocation.Bucket("kamerstukken-blobs", "blobs");

  @TempDir Path copies;
  private HttpServer server;
  private final List<String> requested = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void onlyPlainKeysUnderTheConfiguredBucketAndPrefixAreInTheStore() {
    assertThat(STORE.locate("s3://kamerstukken-blobs/blobs/aa/bb/x"))
        .isEqualTo(new BlobLocation.InBucket("kamerstukken-blobs", "blobs/aa/bb/x"));
    for (String outside :
        List.of(
            "s3://another-bucket/blobs/aa/bb/x",
            "s3://kamerstukken-blobs/inbox/x",
            "s3://kamerstukken-blobs/blobs/",
            "s3://kamerstukken-blobs/blobs/../inbox/x",
            "s3://kamerstukken-blobs/blobs/aa//x",
            "s3://kamerstukken-blobs/blobs/%2e%2e/x",
            "s3://kamerstukken-blobs/blobs/x?versionId=1",
            "s3://kamerstukken-blobs.evil.example/blobs/x",
            "S3://kamerstukken-blobs/blobs/x",
            "file:///var/lib/kamerstukken/blobs/x",
            "https://kamerstukken-blobs.s3.amazonaws.com/blobs/x")) {
      assertThat(STORE.locate(outside)).as(outside).isInstanceOf(BlobLocation.Outside.class);
    }
  }

  @Test
  void anObjectWithTheAnnouncedBytesIsCopiedAndOneWithOtherBytesIsRefused() throws Exception {
    byte[] content = "%PDF-1.4 inhoud".getBytes(StandardCharsets.US_ASCII);
    serve(200, content);
    String sha = ClaimCheckReaderTest.sha256(content);
    String uri = "s3://kamerstukken-blobs/blobs/" + sha.substring(0, 2) + "/" + sha;
    try (ClaimCheckReader reader = reader()) {
      try (VerifiedBlob read =
          reader.read(new ClaimCheck(sha, sha, content.length, uri, "a.pdf"))) {
        assertThat(read)
            .isInstanceOfSatisfying(
                VerifiedBlob.Verified.class,
                v -> assertThat(v.file()).hasBinaryContent(content).startsWith(copies));
      }
      String madeUp = "a".repeat(64);
      assertThat(reader.read(new ClaimCheck(madeUp, madeUp, content.length, uri, "b.pdf")))
          .isInstanceOfSatisfying(
              VerifiedBlob.Refused.class,
              r -> {
                assertThat(r.reasonCode()).isEqualTo(ReasonCode.BLOB_HASH_MISMATCH);
                assertThat(r.message()).contains("b.pdf", sha, madeUp);
              });
    }
    assertThat(requested)
        .containsOnly("GET /kamerstukken-blobs/blobs/" + sha.substring(0, 2) + "/" + sha);
    assertNoCopyLeft();
  }

  @Test
  void aUriOutsideTheBucketIsNeverRequested() throws Exception {
    serve(200, "x".getBytes(StandardCharsets.UTF_8));
    try (ClaimCheckReader reader = reader()) {
      String sha = ClaimCheckReaderTest.sha256("x".getBytes(StandardCharsets.UTF_8));
      assertThat(reader.read(new ClaimCheck(sha, sha, 1, "s3://another-bucket/x", "c.pdf")))
          .isInstanceOfSatisfying(
              VerifiedBlob.Refused.class,
              r -> assertThat(r.reasonCode()).isEqualTo(ReasonCode.BLOB_OUTSIDE_STORE));
    }
    assertThat(requested).isEmpty();
  }

  @Test
  void aMissingObjectIsMissingAndAnUnavailableS3IsToBeTriedAgain() throws Exception {
    String sha = "a".repeat(64);
    ClaimCheck claim =
        new ClaimCheck(sha, sha, 3, "s3://kamerstukken-blobs/blobs/aa/aa/" + sha, "a.pdf");
    serve(
        404,
        "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"
            .getBytes(StandardCharsets.UTF_8));
    try (ClaimCheckReader reader = reader()) {
      assertThat(reader.read(claim))
          .isInstanceOfSatisfying(
              VerifiedBlob.Refused.class,
              r -> assertThat(r.reasonCode()).isEqualTo(ReasonCode.BLOB_MISSING));
    }
    server.stop(0);
    serve(
        503,
        "<Error><Code>ServiceUnavailable</Code><Message>Slow down</Message></Error>"
            .getBytes(StandardCharsets.UTF_8));
    try (ClaimCheckReader reader = reader()) {
      assertThatThrownBy(() -> reader.read(claim))
          .isInstanceOf(BlobStoreUnavailableException.class)
          .hasMessageContaining("503");
    }
    int port = server.getAddress().getPort();
    server.stop(0);
    server = null;
    try (ClaimCheckReader reader = reader(port)) {
      assertThatThrownBy(() -> reader.read(claim))
          .isInstanceOf(BlobStoreUnavailableException.class);
    }
    assertNoCopyLeft();
  }

  private void assertNoCopyLeft() throws IOException {
    try (Stream<Path> left = Files.list(copies)) {
      assertThat(left).as("no temp file is left").isEmpty();
    }
  }

  private void serve(int status, byte[] body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requested.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          exchange
              .getResponseHeaders()
              .add("Content-Type", status == 200 ? "application/pdf" : "application/xml");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  private ClaimCheckReader reader() {
    return reader(server.getAddress().getPort());
  }

  private ClaimCheckReader reader(int port) {
    S3Connection connection =
        new S3Connection(URI.create("http://127.0.0.1:" + port), "us-east-1", true);
    return new ClaimCheckReader(
        STORE,
        copies,
        () ->
            S3Clients.create(
                connection,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret"))));
  }
}
