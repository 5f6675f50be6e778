package nl.kamerstukken.kit.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import nl.kamerstukken.model.ReasonCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claim checks in a blob folder: what is read, what is refused unopened, what is refused after. */
class ClaimCheckReaderTest {

  @TempDir Path work;
  private Path store;
  private Path copies;
  private ClaimCheckReader reader;

  @BeforeEach
  void aStoreAndAReader() throws IOException {
    store = Files.createDirectories(work.resolve("blobs"));
    copies = Files.createDirectories(work.resolve("copies"));
    reader =
        new ClaimCheckReader(
            new BlobLocation.Folder(store),
            copies,
            () -> {
              throw new AssertionError("no S3 client for a folder store");
            });
  }

  @Test
  void aBlobInTheStoreWithTheAnnouncedBytesIsHandedOutAsAPrivateCopy() throws Exception {
    byte[] content = "%PDF-1.4 echte inhoud".getBytes(StandardCharsets.US_ASCII);
    Path blob = store(content);

    try (VerifiedBlob read = reader.read(claim(blob.toUri().toString(), content))) {
      assertThat(read)
          .isInstanceOfSatisfying(
              VerifiedBlob.Verified.class,
              verified -> {
                assertThat(verified.file()).startsWith(copies).hasBinaryContent(content);
                assertThat(verified.size()).isEqualTo(content.length);
                assertThat(permissions(verified.file()))
                    .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
              });
    }
    assertThat(copies).isEmptyDirectory();
    assertThat(blob).exists();
  }

  @Test
  void aFileOutsideTheStoreIsRefusedWithoutBeingOpenedEvenWithItsTrueHash() throws Exception {
    // A FIFO: opening it for reading would block until a writer comes, so a reader that opened
    // it would not return.
    Path fifo = work.resolve("outside.fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path passwd = Files.writeString(work.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
    byte[] passwdBytes = Files.readAllBytes(passwd);

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          assertRefused(claim(fifo.toUri().toString(), new byte[0]), ReasonCode.BLOB_OUTSIDE_STORE);
          assertRefused(
              claim(passwd.toUri().toString(), passwdBytes), ReasonCode.BLOB_OUTSIDE_STORE);
        });
  }

  @Test
  void dotDotAndEscapedDotDotThatLeaveTheStoreAreRefused() throws Exception {
    byte[] content = "geheim".getBytes(StandardCharsets.UTF_8);
    Files.write(work.resolve("secret"), content);

    assertRefused(
        claim("file://" + store + "/aa/../../secret", content), ReasonCode.BLOB_OUTSIDE_STORE);
    assertRefused(
        claim("file://" + store + "/%2e%2e/secret", content), ReasonCode.BLOB_OUTSIDE_STORE);
    assertRefused(claim("file://" + store, content), ReasonCode.BLOB_OUTSIDE_STORE);
  }

  @Test
  void aLinkInTheStoreThatLeadsOutIsRefusedAndOneThatStaysInIsFollowed() throws Exception {
    byte[] secret = "geheim".getBytes(StandardCharsets.UTF_8);
    Path outside = Files.write(work.resolve("secret"), secret);
    Path linkOut = Files.createSymbolicLink(store.resolve("ab"), outside);
    Path dirOut = Files.createSymbolicLink(store.resolve("cd"), work);

    assertRefused(claim(linkOut.toUri().toString(), secret), ReasonCode.BLOB_OUTSIDE_STORE);
    assertRefused(
        claim(dirOut.resolve("secret").toUri().toString(), secret), ReasonCode.BLOB_OUTSIDE_STORE);

    byte[] content = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);
    Path blob = store(content);
    Path linkIn = Files.createSymbolicLink(store.resolve("alias"), blob);
    try (VerifiedBlob read = reader.read(claim(linkIn.toUri().toString(), content))) {
      assertThat(read).isInstanceOf(VerifiedBlob.Verified.class);
    }
  }

  @Test
  void otherSchemesOtherHostsAndIngestsStagingFolderAreOutsideTheStore() throws Exception {
    byte[] content = "x".getBytes(StandardCharsets.UTF_8);
    Path staged =
        Files.write(
            Files.createDirectories(store.resolve(".incoming")).resolve("put-1.tmp"), content);

    for (String uri :
        new String[] {
          "http://127.0.0.1/x",
          "s3://another-bucket/x",
          "file://otherhost" + store + "/x",
          "jar:file://" + store + "/x!/y",
          "file:relative/x",
          "not a uri at all",
          staged.toUri().toString()
        }) {
      assertRefused(claim(uri, content), ReasonCode.BLOB_OUTSIDE_STORE);
    }
  }

  @Test
  void bytesThatAreNotTheAnnouncedOnesAreRefusedAndNoCopyStays() throws Exception {
    byte[] content = "%PDF-1.4 inhoud".getBytes(StandardCharsets.US_ASCII);
    Path blob = store(content);
    String uri = blob.toUri().toString();
    String sha = sha256(content);

    assertRefused(
        new ClaimCheck(sha, sha, content.length - 1, uri, "a.pdf"), ReasonCode.BLOB_HASH_MISMATCH);
    assertRefused(
        new ClaimCheck(sha, sha, content.length + 1, uri, "a.pdf"), ReasonCode.BLOB_HASH_MISMATCH);
    String madeUp = "a".repeat(64);
    assertRefused(
        new ClaimCheck(madeUp, madeUp, content.length, uri, "a.pdf"),
        ReasonCode.BLOB_HASH_MISMATCH);
    assertRefused(
        new ClaimCheck("b".repeat(64), sha, content.length, uri, "a.pdf"),
        ReasonCode.BLOB_HASH_MISMATCH);
    try (Stream<Path> left = Files.list(copies)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aMissingBlobInTheStoreIsMissingAndADirectoryIsNoBlob() throws Exception {
    byte[] content = "x".getBytes(StandardCharsets.UTF_8);
    assertRefused(
        claim(store.resolve("aa/bb/gone").toUri().toString(), content), ReasonCode.BLOB_MISSING);
    Path dir = Files.createDirectories(store.resolve("aa"));
    assertRefused(claim(dir.toUri().toString(), content), ReasonCode.BLOB_OUTSIDE_STORE);
  }

  @Test
  void aStoreThatIsALinkItselfStillConfinesToWhereItLeads() throws Exception {
    Path real = Files.createDirectories(work.resolve("real-blobs"));
    Path linked = Files.createSymbolicLink(work.resolve("linked-blobs"), real);
    byte[] content = "inhoud".getBytes(StandardCharsets.UTF_8);
    Path blob = Files.write(real.resolve(sha256(content)), content);
    ClaimCheckReader viaLink =
        new ClaimCheckReader(new BlobLocation.Folder(linked), copies, () -> null);

    try (VerifiedBlob read =
        viaLink.read(claim(linked.resolve(blob.getFileName()).toUri().toString(), content))) {
      assertThat(read).isInstanceOf(VerifiedBlob.Verified.class);
    }
    assertThat(viaLink.read(claim(blob.toUri().toString(), content)))
        .as("the real path is not the configured folder")
        .isInstanceOf(VerifiedBlob.Refused.class);
  }

  @Test
  void aTempFolderThatCannotTakeACopyIsAStoreProblemNotTheDocuments() throws Exception {
    byte[] content = "x".getBytes(StandardCharsets.UTF_8);
    Path blob = store(content);
    ClaimCheckReader broken =
        new ClaimCheckReader(
            new BlobLocation.Folder(store), work.resolve("no-such-dir"), () -> null);

    assertThatThrownBy(() -> broken.read(claim(blob.toUri().toString(), content)))
        .isInstanceOf(BlobStoreUnavailableException.class)
        .hasMessageContaining("temp file");
  }

  private void assertRefused(ClaimCheck claim, ReasonCode reason) throws Exception {
    try (VerifiedBlob read = reader.read(claim)) {
      assertThat(read)
          .as(claim.blobUri())
          .isInstanceOfSatisfying(
              VerifiedBlob.Refused.class,
              refused -> {
                assertThat(refused.reasonCode()).isEqualTo(reason);
                assertThat(refused.message()).contains(claim.name());
              });
    }
  }

  private Path store(byte[] content) throws IOException {
    String sha = sha256(content);
    Path dir =
        Files.createDirectories(store.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)));
    return Files.write(dir.resolve(sha), content);
  }

  private static ClaimCheck claim(String uri, byte[] content) {
    String sha = sha256(content);
    return new ClaimCheck(sha, sha, content.length, uri, "kst-1.pdf");
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<PosixFilePermission> permissions(Path file) {
    try {
      return Files.getPosixFilePermissions(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
