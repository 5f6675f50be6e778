package nl.kamerstukken.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.kamerstukken.ingest.source.FileStamp;
import nl.kamerstukken.ingest.testing.TinyDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger on a real file system that runs full (a 1 MB tmpfs; skipped where it cannot be
 * mounted): no line is lost while the process runs, none is torn, and it opens on a full disk.
 */
class LedgerDiskFullTest {

  private static final FileStamp STAMP = new FileStamp(10, 1_700_000_000_000L);

  @TempDir Path dir;
  private TinyDisk disk;

  @BeforeEach
  void mount() throws Exception {
    disk = TinyDisk.mount(dir.resolve("state"), "1m");
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      disk.close();
    }
  }

  private static String sha(int i) {
    return String.format("%064x", i);
  }

  @Test
  void keepsLinesInMemoryWhileTheFolderIsFullAndWritesThemInOrderWhenThereIsSpace()
      throws Exception {
    // Given a full state folder
    disk.fill();
    try (Ledger ledger = Ledger.open(disk.root())) {
      // When two files are recorded
      ledger.announced(sha(1), "a.pdf", STAMP);
      ledger.announced(sha(2), "b.pdf", STAMP);

      // Then nothing fails: both are known, kept in memory, and the ledger says why
      assertThat(ledger.isAnnounced(sha(1))).isTrue();
      assertThat(ledger.stamp("b.pdf")).contains(STAMP);
      assertThat(ledger.full()).get().asString().contains(disk.root().toString());
      assertThat(ledger.flush()).isFalse();
      assertThat(Files.size(disk.root().resolve("ledger.jsonl"))).as("no torn line").isZero();

      // When space returns
      disk.free();

      // Then both lines are written, in order
      assertThat(ledger.flush()).isTrue();
      assertThat(ledger.full()).isEmpty();
    }
    List<String> lines = Files.readAllLines(disk.root().resolve("ledger.jsonl"));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("a.pdf");
    assertThat(lines.get(1)).contains("b.pdf");
    try (Ledger ledger = Ledger.open(disk.root())) {
      assertThat(ledger.isAnnounced(sha(2))).isTrue();
    }
  }

  @Test
  void cutsOffALineThatOnlyPartlyFit() throws Exception {
    // Given a ledger with a line, then a full disk
    try (Ledger ledger = Ledger.open(disk.root())) {
      ledger.announced(sha(0), "eerste.pdf", STAMP);
      disk.fill();

      // When lines are written until one does not fit (the last page of the file fills up)
      int written = 0;
      while (ledger.full().isEmpty()) {
        written++;
        ledger.announced(sha(written), "map/bestand-" + written + ".pdf", STAMP);
      }

      // Then the file holds only whole lines, one fewer than recorded
      List<String> lines = Files.readAllLines(disk.root().resolve("ledger.jsonl"));
      assertThat(lines)
          .hasSize(written)
          .allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
      assertThat(Files.readString(disk.root().resolve("ledger.jsonl"))).endsWith("}\n");

      // When space returns and another line is written, Then all of them are on disk
      disk.free();
      ledger.announced(sha(written + 1), "daarna.pdf", STAMP);
      assertThat(ledger.full()).isEmpty();
      assertThat(Files.readAllLines(disk.root().resolve("ledger.jsonl"))).hasSize(written + 2);
    }
  }

  @Test
  void opensOnAFullFolderPuttingOffItsCompaction() throws Exception {
    // Given a ledger with content, closed, and then a full disk
    try (Ledger ledger = Ledger.open(disk.root())) {
      ledger.announced(sha(1), "a.pdf", STAMP);
      ledger.dropped("a.pdf");
      ledger.announced(sha(2), "b.pdf", STAMP);
    }
    disk.fill();

    // When it is opened again (compaction would need space for a new file)
    try (Ledger ledger = Ledger.open(disk.root())) {
      // Then it opens, knows what it knew, and leaves no temp file
      assertThat(ledger.stamp("b.pdf")).contains(STAMP);
      assertThat(ledger.holding("a.pdf")).isEmpty();
      assertThat(disk.root().resolve("ledger.jsonl.tmp")).doesNotExist();
    }
  }
}
