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

  @Test
  void aFileSignalledFinishedIsCompleteAtOnceIfUnchanged() {
    // Given a file seen while written, and then signalled finished (closed or renamed in)
    tracker.observe(write("kst.pdf", 10, 100), 0);
    tracker.finished(write("kst.pdf", 20, 200), SECOND / 10);

    // When it is looked at long before the settle time, unchanged since the signal
    var complete = tracker.settled(this::current, SECOND / 10);

    // Then it is complete, as it was at the signal, and only once
    assertThat(complete).extracting(f -> f.stamp().size()).containsExactly(20L);
    assertThat(tracker.settled(this::current, SECOND / 5)).isEmpty();
    assertThat(tracker.size()).isZero();
  }

  @Test
  void aFileThatChangedAfterTheSignalWaitsTheSettleTimeAgain() {
    // Given a file signalled finished at t=0, that is written again afterwards (reopened)
    tracker.finished(write("reopened.pdf", 10, 100), 0);
    write("reopened.pdf", 30, 300);

    // When it is looked at
    var afterChange = tracker.settled(this::current, SECOND / 10);

    // Then the signal no longer counts: it is complete one settle time after it was seen changed
    assertThat(afterChange).isEmpty();
    assertThat(tracker.untilNextCheck(SECOND / 10)).contains(Duration.ofSeconds(1));
    assertThat(tracker.settled(this::current, SECOND)).isEmpty();
    assertThat(tracker.settled(this::current, SECOND + SECOND / 10))
        .extracting(f -> f.stamp().size())
        .containsExactly(30L);
  }

  @Test
  void aFinishedFileIsDueForALookAtOnce() {
    tracker.observe(write("slow.pdf", 10, 100), 0);
    tracker.finished(write("done.pdf", 10, 100), 0);

    assertThat(tracker.untilNextCheck(0)).contains(Duration.ZERO);
  }

  @Test
  void aRestartAfterAFailedReadWaitsTheSettleTimeEvenAfterASignal() {
    // Given a finished file that changed while it was read (the ingestor asks to retry)
    InboxFile file = write("read-while-changing.pdf", 10, 100);
    tracker.finished(file, 0);
    tracker.restart(file, 0);

    // Then it waits the settle time like any other file
    assertThat(tracker.settled(this::current, SECOND / 2)).isEmpty();
    assertThat(tracker.settled(this::current, SECOND)).hasSize(1);
  }
}
