package nl.kamerstukken.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettleTrackerTest {

  private static final long SECOND = 1_000_000_000L;

  private final Map<String, InboxFile> disk = new HashMap<>();
  private final SettleTracker tracker = new SettleTracker(Duration.ofSeconds(1));

  private InboxFile write(String path, long size, long mtime) {
    InboxFile file = new InboxFile(path, Path.of("/inbox", path), new FileStamp(size, mtime));
    disk.put(path, file);
    return file;
  }

  private Optional<InboxFile> current(String path) {
    return Optional.ofNullable(disk.get(path));
  }

  @Test
  void aFileIsCompleteWhenUnchangedForTheSettleTime() {
    // Given a file seen at t=0
    tracker.observe(write("a.pdf", 10, 100), 0);

    // When it is looked at before and after the settle time without changing
    var early = tracker.settled(this::current, SECOND / 2);
    var late = tracker.settled(this::current, SECOND);

    // Then it is complete only after the settle time, and only once
    assertThat(early).isEmpty();
    assertThat(late).extracting(InboxFile::sourcePath).containsExactly("a.pdf");
    assertThat(tracker.settled(this::current, 5 * SECOND)).isEmpty();
  }

  @Test
  void aFileStillBeingWrittenWaitsAgainAfterEachChange() {
    // Given a file seen at t=0 that keeps growing
    tracker.observe(write("big.pdf", 10, 100), 0);
    write("big.pdf", 20, 900);

    // When it is looked at after the settle time but it has changed
    var afterGrowth = tracker.settled(this::current, 2 * SECOND);

    // Then it is not complete; it is complete one settle time after the last change
    assertThat(afterGrowth).isEmpty();
    assertThat(tracker.settled(this::current, 2 * SECOND + SECOND / 2)).isEmpty();
    assertThat(tracker.settled(this::current, 3 * SECOND))
        .extracting(InboxFile::fileName)
        .containsExactly("big.pdf");
  }

  @Test
  void aChangeOfModificationTimeAloneAlsoRestartsTheWait() {
    tracker.observe(write("same-size.pdf", 10, 100), 0);
    write("same-size.pdf", 10, 200);

    assertThat(tracker.settled(this::current, 2 * SECOND)).isEmpty();
    assertThat(tracker.settled(this::current, 3 * SECOND)).hasSize(1);
  }

  @Test
  void aFileThatVanishesBeforeItIsCompleteIsDropped() {
    tracker.observe(write("gone.pdf", 10, 100), 0);
    disk.remove("gone.pdf");

    assertThat(tracker.settled(this::current, 2 * SECOND)).isEmpty();
    assertThat(tracker.size()).isZero();
  }

  @Test
  void tellsWhenToLookAgainAndWhichSizesArePending() {
    tracker.observe(write("a.pdf", 10, 100), 0);
    tracker.observe(write("b.pdf", 77, 100), SECOND / 2);

    assertThat(tracker.untilNextCheck(SECOND / 4)).contains(Duration.ofMillis(750));
    assertThat(tracker.holdsSize(77)).isTrue();
    assertThat(tracker.holdsSize(78)).isFalse();
    assertThat(new SettleTracker(Duration.ofSeconds(1)).untilNextCheck(0)).isEmpty();
  }
}
