package nl.kamerstukken.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import nl.kamerstukken.ingest.source.FileStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);
  private static final FileStamp STAMP = new FileStamp(10, 1_700_000_000_000L);

  @TempDir Path state;

  @Test
  void remembersAnnouncementsAndPathsAcrossARestart() throws IOException {
    // Given a ledger with an announced content held by two paths, and a dropped path
    try (Ledger ledger = Ledger.open(state)) {
      ledger.announced(SHA_A, "a.pdf", STAMP);
      ledger.held("copy of a.pdf", SHA_A, STAMP);
      ledger.announced(SHA_B, "map/b.pdf", STAMP);
      ledger.dropped("map/b.pdf");
    }
    assertThat(Files.readString(state.resolve("ledger.jsonl")))
        .as("one small JSON object per line")
        .doesNotContain("null")
        .contains("{\"op\":\"drop\",\"path\":\"map/b.pdf\"}\n");

    // When it is opened again
    try (Ledger ledger = Ledger.open(state)) {
      // Then it knows the same
      assertThat(ledger.isAnnounced(SHA_A)).isTrue();
      assertThat(ledger.isAnnounced(SHA_B)).isTrue();
      assertThat(ledger.stamp("a.pdf")).contains(STAMP);
      assertThat(ledger.holding("copy of a.pdf")).contains(new Ledger.Holding(SHA_A, STAMP));
      assertThat(ledger.holding("map/b.pdf")).isEmpty();
      assertThat(ledger.heldElsewhere(SHA_A, "a.pdf")).isTrue();
      assertThat(ledger.orphans()).containsExactly(SHA_B);
    }
  }

  @Test
  void remembersTheEtagOfBucketObjectsAcrossARestartAndACompaction() throws IOException {
    // Given an object of a bucket recorded with its ETag
    FileStamp object = new FileStamp(10, 1_700_000_000_000L, "9b2cf535f27731c974343645a3985328");
    String key = "s3://inbox/kamerstukken/a.pdf";
    try (Ledger ledger = Ledger.open(state)) {
      ledger.announced(SHA_A, key, object);
      ledger.held("s3://inbox/kamerstukken/kopie.pdf", SHA_A, object);
    }

    // When it is opened again (which compacts the log), twice
    try (Ledger ledger = Ledger.open(state)) {
      assertThat(ledger.stamp(key)).contains(object);
    }
    try (Ledger ledger = Ledger.open(state)) {
      // Then the ETag is still known for both keys
      assertThat(ledger.stamp(key)).contains(object);
      assertThat(ledger.stamp("s3://inbox/kamerstukken/kopie.pdf")).contains(object);
      assertThat(ledger.pathsAt("s3://inbox/kamerstukken")).hasSize(2);
    }
  }

  @Test
  void aRetractedContentIsNoLongerAnnouncedNorHeld() throws IOException {
    try (Ledger ledger = Ledger.open(state)) {
      ledger.announced(SHA_A, "a.pdf", STAMP);
      ledger.retracted(SHA_A, "a.pdf");
    }
    try (Ledger ledger = Ledger.open(state)) {
      assertThat(ledger.isAnnounced(SHA_A)).isFalse();
      assertThat(ledger.holding("a.pdf")).isEmpty();
      assertThat(ledger.heldElsewhere(SHA_A, "x")).isFalse();
      assertThat(ledger.orphans()).isEmpty();
    }
  }

  @Test
  void aPathThatGetsNewContentNoLongerHoldsTheOld() throws IOException {
    try (Ledger ledger = Ledger.open(state)) {
      ledger.announced(SHA_A, "a.pdf", STAMP);
      ledger.announced(SHA_B, "a.pdf", new FileStamp(11, STAMP.mtimeMillis() + 1));

      assertThat(ledger.holding("a.pdf").orElseThrow().sha256()).isEqualTo(SHA_B);
      assertThat(ledger.heldElsewhere(SHA_A, "a.pdf")).isFalse();
      assertThat(ledger.orphans()).containsExactly(SHA_A);
    }
  }

  @Test
  void survivesATornLastLine() throws IOException {
    // Given a ledger whose last write was cut off by a crash (in the middle of a multi-byte
    // character)
    try (Ledger ledger = Ledger.open(state)) {
      ledger.announced(SHA_A, "één.pdf", STAMP);
    }
    byte[] head = "{\"op\":\"hold\",\"path\":\"r".getBytes(StandardCharsets.UTF_8);
    byte[] torn = Arrays.copyOf(head, head.length + 1);
    torn[head.length] = (byte) 0xC3;
    Files.write(state.resolve("ledger.jsonl"), torn, StandardOpenOption.APPEND);

    // When it is opened, Then the complete lines count, the torn one is dropped, and new writes go
    // on
    try (Ledger ledger = Ledger.open(state)) {
      assertThat(ledger.stamp("één.pdf")).contains(STAMP);
      assertThat(ledger.size()).isEqualTo(1);
      ledger.held("twee.pdf", SHA_A, STAMP);
    }
    try (Ledger ledger = Ledger.open(state)) {
      assertThat(ledger.pathsAt("")).containsExactlyInAnyOrder("één.pdf", "twee.pdf");
    }
  }

  @Test
  void refusesALedgerDamagedInTheMiddle() throws IOException {
    // Given a damaged line followed by good ones (not a crash: someone edited the file)
    Files.writeString(state.resolve("ledger.jsonl"), "garbage\n{\"op\":\"drop\",\"path\":\"a\"}\n");

    // When opened, Then start fails with what to do
    assertThatThrownBy(() -> Ledger.open(state))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 1 is damaged")
        .hasMessageContaining("move the file away");
  }

  @Test
  void compactsTheLogWithoutLosingState() throws IOException {
    // Given many writes that cancel each other out
    try (Ledger ledger = Ledger.open(state)) {
      for (int i = 0; i < 3000; i++) {
        ledger.held("churn.pdf", SHA_A, new FileStamp(i, i));
      }
      ledger.announced(SHA_A, "keep.pdf", STAMP);
    }

    // Then the log stayed bounded while writing, is compacted to the live state at open, and reads
    // back the same
    assertThat(Files.readAllLines(state.resolve("ledger.jsonl"))).hasSizeLessThanOrEqualTo(1002);
    try (Ledger ledger = Ledger.open(state)) {
      assertThat(Files.readAllLines(state.resolve("ledger.jsonl"))).hasSize(3);
      assertThat(ledger.stamp("churn.pdf")).contains(new FileStamp(2999, 2999));
      assertThat(ledger.stamp("keep.pdf")).contains(STAMP);
      assertThat(ledger.isAnnounced(SHA_A)).isTrue();
    }
  }

  @Test
  void listsKnownPathsAtAndBelowAPath() throws IOException {
    try (Ledger ledger = Ledger.open(state)) {
      for (String path :
          List.of("map", "map/a.pdf", "map/sub/b.pdf", "map-2/c.pdf", "mapje.pdf", "other.pdf")) {
        ledger.held(path, SHA_A, STAMP);
      }

      assertThat(ledger.pathsAt("map"))
          .containsExactlyInAnyOrder("map", "map/a.pdf", "map/sub/b.pdf");
      assertThat(ledger.pathsAt("map/sub")).containsExactly("map/sub/b.pdf");
      assertThat(ledger.pathsAt("")).hasSize(6);
    }
  }

  @Test
  void allowsOnlyOneInstancePerStateFolder() throws IOException {
    try (Ledger first = Ledger.open(state)) {
      assertThat(first.size()).isZero();
      assertThatThrownBy(() -> Ledger.open(state))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use by another ingest-service");
    }
  }
}
