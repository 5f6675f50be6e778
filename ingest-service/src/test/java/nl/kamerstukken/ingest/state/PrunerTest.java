package nl.kamerstukken.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.ingest.api.PruneResult;
import nl.kamerstukken.ingest.api.SourceId;
import nl.kamerstukken.ingest.publish.Ledger;
import nl.kamerstukken.ingest.source.FileStamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunerTest {

  private static final String ONLY_A = "a".repeat(64);
  private static final String SHARED = "c".repeat(64);
  private static final String ONLY_B = "b".repeat(64);
  private static final FileStamp STAMP = new FileStamp(10, 1000);

  @TempDir Path dir;
  private SourceStates states;
  private SourceId a;
  private SourceId b;
  private final List<String> tombstones = new ArrayList<>();

  @BeforeEach
  void twoSourcesThatShareOneContent() throws IOException {
    states = SourceStates.in(dir.resolve("state"));
    a = SourceId.folder(Files.createDirectories(dir.resolve("a")));
    b = SourceId.folder(Files.createDirectories(dir.resolve("b")));
    try (Ledger ledger = Ledger.open(states.prepare(a))) {
      ledger.announced(ONLY_A, "alleen-a.pdf", STAMP);
      ledger.held("kopie/alleen-a.pdf", ONLY_A, STAMP);
      ledger.announced(SHARED, "gedeeld.pdf", STAMP);
    }
    try (Ledger ledger = Ledger.open(states.prepare(b))) {
      ledger.announced(SHARED, "gedeeld.pdf", STAMP);
      ledger.announced(ONLY_B, "alleen-b.pdf", STAMP);
    }
  }

  @Test
  void pruningASourceRemovesItsDocumentsButNotThoseAnotherSourceHolds() throws Exception {
    // When a is pruned, named by its folder
    PruneResult result =
        new Pruner(states).prune(dir.resolve("a").toString(), tombstones::add, false);

    // Then a tombstone for what only a held; the shared content stays (b has it)
    assertThat(tombstones).containsExactly(ONLY_A);
    assertThat(result.files()).containsExactly("alleen-a.pdf", "gedeeld.pdf", "kopie/alleen-a.pdf");
    assertThat(result.removed()).isEqualTo(1);
    assertThat(result.kept()).isEqualTo(1);
    // And a is forgotten, b untouched
    assertThat(states.list()).extracting(k -> k.source()).containsExactly(b);
    assertThat(Ledger.read(states.dirOf(b)).announced()).containsExactlyInAnyOrder(SHARED, ONLY_B);
  }

  @Test
  void aDryRunListsWhatWouldGoAndChangesNothing() throws Exception {
    PruneResult result = new Pruner(states).prune(a.id(), tombstones::add, true);

    assertThat(result.dryRun()).isTrue();
    assertThat(result.files()).hasSize(3);
    assertThat(result.removed()).isEqualTo(1);
    assertThat(result.kept()).isEqualTo(1);
    assertThat(tombstones).isEmpty();
    assertThat(states.list()).hasSize(2);
  }

  @Test
  void aPruneThatKafkaInterruptsGoesOnWhereItStopped() throws Exception {
    // Given a prune of b whose second tombstone Kafka does not acknowledge
    List<String> first = new ArrayList<>();
    Pruner.Tombstones failing =
        sha -> {
          if (!first.isEmpty()) {
            throw new IllegalStateException("broker down");
          }
          first.add(sha);
        };
    new Pruner(states).prune(b.id(), tombstones::add, false);
    assertThat(tombstones).containsExactly(ONLY_B);
    tombstones.clear();

    // (a now holds the shared content alone) When a's prune fails half-way, then runs again
    assertThatThrownBy(() -> new Pruner(states).prune(a.id(), failing, false))
        .hasMessageContaining("broker down");
    PruneResult again = new Pruner(states).prune(a.id(), tombstones::add, false);

    // Then every content got exactly one acknowledged tombstone
    List<String> all = new ArrayList<>(first);
    all.addAll(tombstones);
    assertThat(all).containsExactlyInAnyOrder(ONLY_A, SHARED);
    assertThat(again.removed()).isEqualTo(1);
    assertThat(states.list()).isEmpty();
  }

  @Test
  void aWatchedSourceIsNotPruned() throws Exception {
    try (Ledger watched = Ledger.open(states.dirOf(a))) {
      assertThatThrownBy(() -> new Pruner(states).prune(a.id(), tombstones::add, false))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is being watched");
    }
    assertThat(tombstones).isEmpty();
  }

  @Test
  void anUnknownSourceIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> new Pruner(states).prune("/nergens", tombstones::add, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no source named /nergens")
        .hasMessageContaining(a.id())
        .hasMessageContaining(b.id());
  }
}
