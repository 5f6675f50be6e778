package nl.kamerstukken.parse.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.kamerstukken.kit.blob.BlobLocation;
import nl.kamerstukken.kit.blob.ClaimCheckReader;
import nl.kamerstukken.kit.s3.S3Clients;
import nl.kamerstukken.kit.s3.S3Connection;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.parse.DocumentParser;
import nl.kamerstukken.parse.ParserUnavailableException;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.blob.BlobFetcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How a received document's blob reaches the parser: only verified bytes from the store, as a
 * private copy; a claim check outside the store, other bytes or a missing blob are the document's
 * problem (a dead letter, the parser never sees anything), an S3 that does not answer is not (the
 * batch is tried again).
 */
class ReceivedParserBlobTest {

  private static final byte[] CONTENT = "%PDF-1.4 inhoud".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path work;
  private Path store;
  private final List<byte[]> parsedBytes = new ArrayList<>();
  private final List<Path> parsedFiles = new ArrayList<>();

  /** Records what it was given; never used on a real document here. */
  private final DocumentParser parser =
      new DocumentParser() {
        @Override
        public ParseOutcome parse(
            Path file, nl.kamerstukken.model.SourceFile source, Instant receivedAt) {
          parsedFiles.add(file);
          try {
            parsedBytes.add(Files.readAllBytes(file));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return new ParseOutcome.Failed(ReasonCode.UNKNOWN, "recorded " + file);
        }

        @Override
        public void close() {}
      };

  @BeforeEach
  void aStore() throws Exception {
    store = Files.createDirectories(work.resolve("blobs"));
  }

  @Test
  void theParserGetsAVerifiedCopyOfABlobInTheStoreNeverTheBlobItself() throws Exception {
    Path blob = Files.write(store.resolve(sha256(CONTENT)), CONTENT);

    ParseOutcome outcome = parsing(null).parse(received(blob.toUri().toString(), sha256(CONTENT)));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            ParseOutcome.Failed.class,
            f -> assertThat(f.reasonCode()).isEqualTo(ReasonCode.UNKNOWN));
    assertThat(parsedBytes).singleElement().isEqualTo(CONTENT);
    assertThat(parsedFiles).singleElement().isNotEqualTo(blob);
    assertThat(parsedFiles.get(0)).as("the copy is deleted after parsing").doesNotExist();
  }

  @Test
  void aClaimCheckOutsideTheStoreOtherBytesOrAMissingBlobAreDeadLettersWithoutParsing()
      throws Exception {
    Path outside = Files.write(work.resolve("passwd"), CONTENT);
    Path other =
        Files.write(store.resolve("other"), "andere inhoud".getBytes(StandardCharsets.UTF_8));
    String sha = sha256(CONTENT);
    ReceivedParser parsing = parsing(null);

    assertThat(reason(parsing.parse(received(outside.toUri().toString(), sha))))
        .isEqualTo(ReasonCode.BLOB_OUTSIDE_STORE);
    assertThat(reason(parsing.parse(received(other.toUri().toString(), sha))))
        .isEqualTo(ReasonCode.BLOB_HASH_MISMATCH);
    assertThat(reason(parsing.parse(received(store.resolve("weg").toUri().toString(), sha))))
        .isEqualTo(ReasonCode.BLOB_MISSING);
    assertThat(parsedFiles).isEmpty();
  }

  @Test
  void anUnreachableS3IsNotTheDocumentsFaultAndIsRetried() throws Exception {
    // Given blobs in S3 on a port where nothing listens
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ReceivedParser parsing = parsing(URI.create("http://127.0.0.1:" + closedPort));
    String sha = sha256(CONTENT);

    // When a document of that store is parsed, Then the handler's retry path is taken (no dead
    // letter)
    assertThatThrownBy(() -> parsing.parse(received("s3://blobs/aa/aa/" + sha, sha)))
        .isInstanceOf(ParserUnavailableException.class)
        .hasMessageContaining("blob store is unavailable");
    assertThat(parsedFiles).isEmpty();
  }

  private static ReasonCode reason(ParseOutcome outcome) {
    assertThat(outcome).isInstanceOf(ParseOutcome.Failed.class);
    return ((ParseOutcome.Failed) outcome).reasonCode();
  }

  /** A folder store, or the bucket {@code blobs} at {@code endpoint}. */
  private ReceivedParser parsing(URI endpoint) throws Exception {
    BlobLocation location =
        endpoint == null ? new BlobLocation.Folder(store) : new BlobLocation.Bucket("blobs", "");
    S3Connection s3 = new S3Connection(endpoint, "us-east-1", true);
    ClaimCheckReader reader =
        new ClaimCheckReader(
            location,
            Files.createDirectories(work.resolve("copies")),
            () ->
                S3Clients.create(
                    s3, StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "s"))));
    return new ReceivedParser(
        parser, new BlobFetcher(reader, 1024 * 1024), new SimpleMeterRegistry());
  }

  private static DocumentReceived received(String blobUri, String sha) {
    return new DocumentReceived(
        sha,
        "kst-1.pdf",
        "kst-1.pdf",
        "application/pdf",
        CONTENT.length,
        sha,
        blobUri,
        Instant.parse("2026-03-01T10:00:00Z"));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
