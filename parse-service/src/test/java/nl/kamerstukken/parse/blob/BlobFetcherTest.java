package nl.kamerstukken.parse.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import nl.kamerstukken.kit.blob.BlobLocation;
import nl.kamerstukken.kit.blob.ClaimCheckReader;
import nl.kamerstukken.kit.blob.VerifiedBlob;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the parser may see of a received document: verified copies of blobs in the store only, and
 * nothing of a document announced larger than the service parses. (The confinement and hash rules
 * themselves are tested in service-kit's {@code ClaimCheckReaderTest}.)
 */
class BlobFetcherTest {

  @TempDir Path work;

  @Test
  void aBlobInTheStoreWithTheAnnouncedBytesReachesTheParserAsAVerifiedCopy() throws Exception {
    byte[] content = "%PDF-1.4 inhoud".getBytes(StandardCharsets.US_ASCII);
    Path store = Files.createDirectories(work.resolve("blobs"));
    Path blob = Files.write(store.resolve(sha256(content)), content);

    try (BlobFetcher fetcher = fetcher(store, 1024);
        VerifiedBlob fetched = fetcher.fetch(received(blob.toUri().toString(), content))) {
      assertThat(fetched)
          .isInstanceOfSatisfying(
              VerifiedBlob.Verified.class,
              v -> assertThat(v.file()).isNotEqualTo(blob).hasBinaryContent(content));
    }
  }

  @Test
  void aDocumentAnnouncedLargerThanTheLimitIsRefusedUnread() throws Exception {
    byte[] content = "x".repeat(2048).getBytes(StandardCharsets.US_ASCII);
    Path store = Files.createDirectories(work.resolve("blobs"));
    Path blob = Files.write(store.resolve(sha256(content)), content);

    try (BlobFetcher fetcher = fetcher(store, 1024)) {
      assertThat(fetcher.fetch(received(blob.toUri().toString(), content)))
          .isInstanceOfSatisfying(
              VerifiedBlob.Refused.class,
              r -> {
                assertThat(r.reasonCode()).isEqualTo(ReasonCode.TOO_LARGE);
                assertThat(r.message()).contains("kst-1.pdf", "PARSE_MAX_FILE_SIZE");
              });
    }
    try (var left = Files.list(work.resolve("copies"))) {
      assertThat(left).isEmpty();
    }
  }

  private BlobFetcher fetcher(Path store, long maxBytes) throws Exception {
    Path copies = Files.createDirectories(work.resolve("copies"));
    return new BlobFetcher(
        new ClaimCheckReader(new BlobLocation.Folder(store), copies, () -> null), maxBytes);
  }

  static DocumentReceived received(String blobUri, byte[] content) {
    String sha = sha256(content);
    return new DocumentReceived(
        sha,
        "kst-1.pdf",
        "kst-1.pdf",
        "application/pdf",
        content.length,
        sha,
        blobUri,
        Instant.parse("2026-03-01T10:00:00Z"));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
