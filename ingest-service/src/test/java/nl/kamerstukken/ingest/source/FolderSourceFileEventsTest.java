package nl.kamerstukken.ingest.source;

import static nl.kamerstukken.ingest.source.InboxHarness.paths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.ingest.config.IngestConfig.FileEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a dropped file counts as complete, with the real file events of this machine. The source's
 * clock moves only when a test moves it, and the settle time is an hour: with inotify, a file can
 * only complete through its writer's close or its rename into the inbox.
 */
class FolderSourceFileEventsTest {

  private static final Duration LONG_SETTLE = Duration.ofHours(1);
  private static final Duration SHORT_SETTLE = Duration.ofMillis(100);
  private static final Duration AWAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private InboxHarness harness;
  private final List<String> offered = new ArrayList<>();

  @BeforeEach
  void createInbox() throws IOException {
    harness = new InboxHarness(dir);
  }

  @AfterEach
  void close() throws IOException {
    harness.close();
  }

  /** A source watched with inotify that has made its first scan; skips where there is none. */
  private FolderSource watchedWithInotify() throws Exception {
    InboxWatcher watcher;
    try {
      watcher = InotifyWatcher.open();
    } catch (IOException e) {
      return abort("inotify is not available here (" + e.getMessage() + "); this test needs Linux");
    }
    FolderSource source = harness.open(watcher, LONG_SETTLE, Duration.ofDays(1));
    harness.pollAfter(Duration.ZERO);
    return source;
  }

  /** Polls, without moving the clock, until {@code paths} have been offered, once each. */
  private void awaitOffered(String... paths) {
    await()
        .atMost(AWAIT)
        .untilAsserted(
            () -> {
              offered.addAll(paths(harness.pollAfter(Duration.ZERO).complete()));
              assertThat(offered).containsExactly(paths);
            });
  }

  /** Polls once without moving the clock, then counts the watched folders. */
  private int pollThenCount(FolderSource source) throws Exception {
    offered.addAll(paths(harness.pollAfter(Duration.ZERO).complete()));
    return source.watchedFolders();
  }

  /** Polls, without moving the clock, until the source tracks {@code count} pending files. */
  private void awaitPending(int count) {
    await()
        .atMost(AWAIT)
        .untilAsserted(
            () -> {
              offered.addAll(paths(harness.pollAfter(Duration.ZERO).complete()));
              assertThat(offered).as("offered before the settle time").isEmpty();
              assertThat(harness.source().pending()).isEqualTo(count);
            });
  }

  @Test
  void aFileWrittenAndClosedIsCompleteAtOnce() throws Exception {
    // Given an inbox watched with inotify
    watchedWithInotify();

    // When a file is written and closed
    harness.drop("kst-1.pdf", "written in one go");

    // Then it is offered without the settle time passing, as it was written
    awaitOffered("kst-1.pdf");
    assertThat(harness.source().stat("kst-1.pdf").orElseThrow().stamp().size())
        .isEqualTo("written in one go".length());
    assertThat(harness.source().pending()).isZero();
  }

  @Test
  void aFileMovedIntoTheInboxIsCompleteAtOnce() throws Exception {
    // Given an inbox watched with inotify, and finished files outside it and under a temp name
    watchedWithInotify();
    Path outside = Files.writeString(dir.resolve("elders.pdf"), "published elsewhere");
    Path partial = harness.drop("download.pdf.part", "downloaded");

    // When they are renamed into the inbox (mv, rsync, curl)
    Files.move(outside, harness.inbox.resolve("verplaatst.pdf"), StandardCopyOption.ATOMIC_MOVE);
    Files.move(partial, harness.inbox.resolve("download.pdf"), StandardCopyOption.ATOMIC_MOVE);

    // Then both are offered without the settle time passing
    await()
        .atMost(AWAIT)
        .untilAsserted(
            () -> {
              offered.addAll(paths(harness.pollAfter(Duration.ZERO).complete()));
              assertThat(offered).containsExactlyInAnyOrder("verplaatst.pdf", "download.pdf");
            });
  }

  @Test
  void aFileStillOpenForWritingIsNotCompleteUntilItsWriterClosesIt() throws Exception {
    // Given an inbox watched with inotify
    watchedWithInotify();

    try (OutputStream out = Files.newOutputStream(harness.inbox.resolve("groeit.pdf"))) {
      // When a writer has written part of a file and keeps it open
      out.write("first part, ".getBytes(StandardCharsets.UTF_8));
      out.flush();
      awaitPending(1);

      // Then it is seen but not offered, also when more arrives
      assertThat(paths(harness.pollAfter(Duration.ZERO).complete())).isEmpty();
      out.write("second part".getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(paths(harness.pollAfter(Duration.ZERO).complete())).isEmpty();
      assertThat(offered).isEmpty();
    }

    // And once the writer closed it, it is offered whole
    awaitOffered("groeit.pdf");
    assertThat(harness.source().stat("groeit.pdf").orElseThrow().stamp().size())
        .isEqualTo("first part, second part".length());
  }

  @Test
  void aFileInASubfolderCreatedAfterTheWatchStartedIsCompleteOnceClosed() throws Exception {
    // Given an inbox watched with inotify, and folders created afterwards, once they are watched
    FolderSource source = watchedWithInotify();
    Files.createDirectories(harness.inbox.resolve("2026/vragen"));
    await().atMost(AWAIT).until(() -> pollThenCount(source) == 3);

    // When a file is written and closed in the new folder
    harness.drop("2026/vragen/kst-2.pdf", "in a new folder");

    // Then it is offered without the settle time passing
    awaitOffered("2026/vragen/kst-2.pdf");
  }

  @Test
  void aDeletedFolderIsNoLongerWatched() throws Exception {
    // Given a watched subfolder
    FolderSource source = watchedWithInotify();
    Path folder = Files.createDirectories(harness.inbox.resolve("tijdelijk"));
    await().atMost(AWAIT).until(() -> pollThenCount(source) == 2);

    // When it is deleted, Then its watch ends (IN_IGNORED) and only the inbox is watched
    Files.delete(folder);
    await().atMost(AWAIT).until(() -> pollThenCount(source) == 1);
  }

  @Test
  void withTheWatchServiceAClosedFileIsCompleteOnlyAfterTheSettleTime() throws Exception {
    // Given an inbox watched as INGEST_FILE_EVENTS=watch-service asks, with a short settle time
    InboxWatcher watcher = InboxWatcher.open(FileEvents.WATCH_SERVICE, harness.inbox);
    assertThat(watcher).isInstanceOf(WatchServiceWatcher.class);
    harness.open(watcher, SHORT_SETTLE, Duration.ofDays(1));
    harness.pollAfter(Duration.ZERO);

    // When a file is written and closed, and seen
    harness.drop("kst-3.pdf", "settles");
    awaitPending(1);

    // Then it is not offered before the settle time has passed, and is offered after it
    assertThat(paths(harness.pollAfter(SHORT_SETTLE.dividedBy(2)).complete())).isEmpty();
    assertThat(offered).isEmpty();
    assertThat(paths(harness.pollAfter(SHORT_SETTLE).complete())).containsExactly("kst-3.pdf");
  }
}
