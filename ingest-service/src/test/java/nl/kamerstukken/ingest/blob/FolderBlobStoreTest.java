package nl.kamerstukken.ingest.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderBlobStoreTest {

  @TempDir Path dir;

  @Test
  void storesContentUnderItsHashInTwoLevelsOfFolders() throws Exception {
    // Given a store and some content
    FolderBlobStore store = FolderBlobStore.create(dir.resolve("blobs"));
    byte[] content = "Vraag 1\nAntwoord 1\n".getBytes(StandardCharsets.UTF_8);
    String expected = sha256(content);

    // When it is stored
    StoredBlob blob = store.put(new ByteArrayInputStream(content));

    // Then it lies at <dir>/<aa>/<bb>/<sha256> and its URI is that file's URI
    Path file =
        store
            .root()
            .resolve(expected.substring(0, 2))
            .resolve(expected.substring(2, 4))
            .resolve(expected);
    assertThat(blob.sha256()).isEqualTo(expected);
    assertThat(blob.size()).isEqualTo(content.length);
    assertThat(blob.uri()).isEqualTo(file.toUri());
    assertThat(Path.of(blob.uri())).hasBinaryContent(content);
    assertThat(store.exists(expected)).isTrue();
  }

  @Test
  void storesTheSameContentOnce() throws Exception {
    // Given content stored before
    FolderBlobStore store = FolderBlobStore.create(dir.resolve("blobs"));
    byte[] content = "same bytes".getBytes(StandardCharsets.UTF_8);
    StoredBlob first = store.put(new ByteArrayInputStream(content));

    // When the same bytes are stored again
    StoredBlob second = store.put(new ByteArrayInputStream(content));

    // Then the same blob is returned and there is exactly one blob file, and no leftover temp file
    assertThat(second).isEqualTo(first);
    assertThat(regularFiles(store.root())).containsExactly(Path.of(first.uri()));
  }

  @Test
  void readsBackWhatItStoredThroughTheUri() throws Exception {
    // Given stored content of several buffers' length
    FolderBlobStore store = FolderBlobStore.create(dir.resolve("blobs"));
    byte[] content = new byte[300_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    StoredBlob blob = store.put(new ByteArrayInputStream(content));

    // When it is opened by URI
    try (InputStream in = store.open(blob.uri())) {
      // Then the bytes are the same
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(blob.sha256()).isEqualTo(sha256(content));
  }

  @Test
  void leavesNoPartialBlobWhenReadingTheSourceFails() throws Exception {
    // Given a source that breaks halfway
    FolderBlobStore store = FolderBlobStore.create(dir.resolve("blobs"));
    InputStream broken =
        new InputStream() {
          private long left = 100_000;

          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0];
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            // Fails on every call once the first 100,000 bytes are given, so it can never run on.
            if (left <= 0) {
              throw new IOException("disk went away");
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 7);
            left -= n;
            return n;
          }
        };

    // When it is stored, Then the failure comes through and nothing is left in the store
    assertThatThrownBy(() -> store.put(broken))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("disk went away");
    assertThat(regularFiles(store.root())).isEmpty();
  }

  @Test
  void refusesToOpenAUriOutsideTheStore() throws Exception {
    // Given a store and a file elsewhere
    FolderBlobStore store = FolderBlobStore.create(dir.resolve("blobs"));
    Path elsewhere = Files.writeString(dir.resolve("secret.txt"), "not a blob");

    // When it is opened through the store, Then it is refused
    URI uri = elsewhere.toUri();
    assertThatThrownBy(() -> store.open(uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not in the blob store");
    assertThat(store.exists("0".repeat(64))).isFalse();
  }

  @Test
  void removesTempFilesOfCrashedWritersButNotRecentOnes() throws Exception {
    // Given a temp file left a week ago and one being written now
    FolderBlobStore first = FolderBlobStore.create(dir.resolve("blobs"));
    Path stale = Files.writeString(first.root().resolve(".incoming/put-stale.tmp"), "half");
    Files.setLastModifiedTime(
        stale,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofDays(7))));
    Path fresh = Files.writeString(first.root().resolve(".incoming/put-fresh.tmp"), "busy");

    // When the store is opened again
    FolderBlobStore.create(dir.resolve("blobs"));

    // Then only the stale one is gone
    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
  }

  private static Stream<Path> regularFilesStream(Path root) throws IOException {
    return Files.walk(root).filter(Files::isRegularFile);
  }

  private static java.util.List<Path> regularFiles(Path root) throws IOException {
    try (Stream<Path> files = regularFilesStream(root)) {
      return files.toList();
    }
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
