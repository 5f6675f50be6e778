package nl.kamerstukken.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamerstukken.ingest.api.KnownSource;
import nl.kamerstukken.ingest.api.SourceId;
import nl.kamerstukken.ingest.publish.Ledger;
import nl.kamerstukken.ingest.source.FileStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceStatesTest {

  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);
  private static final FileStamp STAMP = new FileStamp(10, 1000);

  @TempDir Path dir;

  private Path state() {
    return dir.resolve("state");
  }

  private Path folder(String name) throws IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  @Test
  void eachSourceKeepsItsOwnLedgerAndTheOthersAreListedWithTheirCounts() throws Exception {
    // Given two folders that were watched in turn on one state
    SourceStates states = SourceStates.in(state());
    SourceId a = SourceId.folder(folder("a"));
    SourceId b = SourceId.folder(folder("b"));
    try (Ledger ledger = Ledger.open(states.prepare(a))) {
      ledger.announced(SHA_A, "x.pdf", STAMP);
      ledger.held("kopie.pdf", SHA_A, STAMP);
    }
    try (Ledger ledger = Ledger.open(states.prepare(b))) {
      ledger.announced(SHA_B, "x.pdf", STAMP);

      // When the state is listed while b is watched
      // Then both are known, with their files and documents, and b is the watched one
      assertThat(states.list())
          .containsExactlyInAnyOrder(
              new KnownSource(a, 2, 1, false), new KnownSource(b, 1, 1, true));
    }
    // And the same path in both (x.pdf) is two files, one in each ledger
    assertThat(Ledger.read(states.dirOf(a)).paths()).containsExactly("kopie.pdf", "x.pdf");
    assertThat(Ledger.read(states.dirOf(b)).paths()).containsExactly("x.pdf");
  }

  @Test
  void anOldSingleLedgerBelongsToTheFolderStartedWhenItHoldsItsFiles() throws Exception {
    // Given a state of an earlier version (one ledger) whose files are in the folder started now
    Path inbox = folder("inbox");
    Files.writeString(inbox.resolve("x.pdf"), "x");
    try (Ledger old = Ledger.open(state())) {
      old.announced(SHA_A, "x.pdf", STAMP);
      old.announced(SHA_B, "weg.pdf", STAMP);
    }
    SourceId source = SourceId.folder(inbox);

    // When that folder is prepared
    Path ledgerDir = SourceStates.in(state()).prepare(source);

    // Then the old ledger is that folder's, and nothing is left at the top
    assertThat(Ledger.read(ledgerDir).paths()).containsExactly("weg.pdf", "x.pdf");
    assertThat(Ledger.existsIn(state())).isFalse();
  }

  @Test
  void anOldSingleLedgerOfAnotherFolderBecomesASourceOfItsOwnThatCanBePruned() throws Exception {
    // Given an old single ledger whose files are not in the folder started now
    try (Ledger old = Ledger.open(state())) {
      old.announced(SHA_A, "elders.pdf", STAMP);
    }
    SourceStates states = SourceStates.in(state());
    SourceId now = SourceId.folder(folder("nieuw"));

    // When the new folder is prepared
    Path ledgerDir = states.prepare(now);

    // Then the new folder starts empty, and the old ledger is the source "folder-earlier"
    assertThat(Ledger.read(ledgerDir).paths()).isEmpty();
    assertThat(states.list())
        .containsExactly(
            new KnownSource(SourceStates.EARLIER_FOLDER, 1, 1, false),
            new KnownSource(now, 0, 0, false));
  }

  @Test
  void anOldSingleLedgerOfABucketGoesToThatBucket() throws Exception {
    try (Ledger old = Ledger.open(state())) {
      old.announced(SHA_A, "s3://oud/2026/x.pdf", STAMP);
    }
    SourceStates states = SourceStates.in(state());

    states.prepare(SourceId.bucket("nieuw", ""));

    assertThat(states.list())
        .extracting(k -> k.source().location() + " " + k.files())
        .containsExactly("s3://nieuw 0", "s3://oud 1");
  }

  @Test
  void otherSourcesHoldWhatTheirLedgersHoldUntilTheyAreForgotten() throws Exception {
    SourceStates states = SourceStates.in(state());
    SourceId a = SourceId.folder(folder("a"));
    SourceId b = SourceId.folder(folder("b"));
    try (Ledger ledger = Ledger.open(states.prepare(a))) {
      ledger.announced(SHA_A, "x.pdf", STAMP);
    }
    states.prepare(b);

    OtherSources others = OtherSources.of(states, b);

    assertThat(others.test(SHA_A)).isTrue();
    assertThat(others.test(SHA_B)).isFalse();
    SourceStates.delete(states.dirOf(a));
    assertThat(others.test(SHA_A)).isFalse();
  }
}
