package nl.kamerstukken.parse.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.parse.DocumentParser;
import nl.kamerstukken.parse.ParseOutcome;
import nl.kamerstukken.parse.ParserUnavailableException;
import nl.kamerstukken.parse.blob.BlobFetcher;
import nl.kamerstukken.parse.blob.BlobSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a received document's blob reaches the parser: a missing blob is the document's problem (a
 * dead letter), an S3 that does not answer is not (the batch is tried again), and the parser always
 * gets a local file.
 */
class DocumentParsingBlobTest {

  private static final String SHA = "a".repeat(64);

  @TempDir Path dir;
  private final List<Path> parsedFiles = new ArrayList<>();

  /** Records the file it was given; never used on a real document here. */
  private final DocumentParser parser =
      new DocumentParser() {
        @Override
        public ParseOutcome parse(
            Path file, nl.kamerstukken.model.SourceFile source, Instant receivedAt) {
          parsedFiles.add(file);
          return new ParseOutcome.Failed(ReasonCode.UNKNOWN, "recorded " + file);
        }

        @Override
        public void close() {}
      };

  @Test
  void aFileBlobIsHandedToTheParserWhereItIs() throws Exception {
    Path blob = Files.writeString(dir.resolve(SHA), "%PDF-1.4");
    DocumentParsing parsing = new DocumentParsing(parser, blobs(null), new SimpleMeterRegistry());

    ParseOutcome outcome = parsing.parse(received(blob.toUri().toString()));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            ParseOutcome.Failed.class,
            f -> assertThat(f.reasonCode()).isEqualTo(ReasonCode.UNKNOWN));
    assertThat(parsedFiles).containsExactly(blob);
  }

  @Test
  void aMissingBlobIsADeadLetterWithoutParsing() {
    DocumentParsing parsing = new DocumentParsing(parser, blobs(null), new SimpleMeterRegistry());

    ParseOutcome outcome = parsing.parse(received(dir.resolve("weg").toUri().toString()));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            ParseOutcome.Failed.class,
            f -> assertThat(f.reasonCode()).isEqualTo(ReasonCode.BLOB_MISSING));
    assertThat(parsedFiles).isEmpty();
  }

  @Test
  void anUnreachableS3IsNotTheDocumentsFaultAndIsRetried() throws Exception {
    // Given blobs in S3 on a port where nothing listens
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DocumentParsing parsing =
        new DocumentParsing(
            parser, blobs(URI.create("http://127.0.0.1:" + closedPort)), new SimpleMeterRegistry());

    // When a document of that store is parsed, Then the handler's retry path is taken (no dead
    // letter)
    assertThatThrownBy(() -> parsing.parse(received("s3://blobs/sha256/aa/aa/" + SHA)))
        .isInstanceOf(ParserUnavailableException.class)
        .hasMessageContaining("blob store is unavailable");
    assertThat(parsedFiles).isEmpty();
  }

  @AfterEach
  void forgetTheCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  /** Credentials for the AWS default chain (system properties are one of its sources). */
  private BlobFetcher blobs(URI endpoint) {
    System.setProperty("aws.accessKeyId", "test-id");
    System.setProperty("aws.secretAccessKey", "test-secret");
    return new BlobFetcher(new BlobSettings(endpoint, "us-east-1", endpoint != null), dir);
  }

  private static DocumentReceived received(String blobUri) {
    return new DocumentReceived(
        SHA,
        "kst-1.pdf",
        "kst-1.pdf",
        "application/pdf",
        8,
        SHA,
        blobUri,
        Instant.parse("2026-03-01T10:00:00Z"));
  }
}
