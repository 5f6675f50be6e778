package nl.kamerstukken.ingest.source;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.kamerstukken.ingest.config.IngestConfig.FileEvents;
import org.slf4j.LoggerFactory;

/**
 * File system notifications for every folder of the inbox. Notifications are a hint that makes
 * ingest quick; they can be lost (overflow, watch limits), which is why the source also rescans the
 * whole inbox periodically. Not thread-safe: one loop registers and polls; only {@link #close} may
 * come from another thread, and then ends a {@link #poll} in progress.
 */
interface InboxWatcher extends AutoCloseable {

  /**
   * What happened since the last poll.
   *
   * @param paths every path that something happened to (created, written, renamed, deleted)
   * @param finished those of {@code paths} whose last notification said the writer is done: closed
   *     after writing, or renamed into the inbox. Such a file is complete as soon as it is seen
   *     unchanged (see {@link SettleTracker#finished}). Empty where the watcher cannot tell.
   * @param overflow notifications were lost: only a rescan knows what happened
   */
  record Changes(Set<Path> paths, Set<Path> finished, boolean overflow) {

    /** Keeps the order in which things happened. */
    public Changes {
      paths = Collections.unmodifiableSet(new LinkedHashSet<>(paths));
      finished = Collections.unmodifiableSet(new LinkedHashSet<>(finished));
    }
  }

  /**
   * Starts watching {@code folder}; failures (e.g. the inotify watch limit) leave it to the rescan.
   */
  void register(Path folder);

  int watchedFolders();

  /**
   * Waits up to {@code timeout} for notifications, then takes every one that is ready.
   *
   * @throws java.nio.file.ClosedWatchServiceException when closed meanwhile (the service is
   *     stopping)
   */
  Changes poll(Duration timeout) throws InterruptedException;

  @Override
  void close() throws IOException;

  /**
   * The watcher {@code events} asks for. With {@link FileEvents#AUTO} that is inotify where it
   * works, else Java's WatchService; one log line says which, and so when a file counts as
   * complete.
   */
  static InboxWatcher open(FileEvents events, Path inbox) throws IOException {
    var log = LoggerFactory.getLogger(InboxWatcher.class);
    if (events == FileEvents.WATCH_SERVICE) {
      log.info(
          "watching [{}] with Java's WatchService (INGEST_FILE_EVENTS=watch-service): a file is"
              + " complete when its size and mtime stayed unchanged for INGEST_SETTLE_TIME",
          inbox);
      return WatchServiceWatcher.open();
    }
    try {
      InotifyWatcher watcher = InotifyWatcher.open();
      log.info(
          "watching [{}] with inotify: a file is complete once its writer closed it or it was"
              + " renamed into the inbox, else when unchanged for INGEST_SETTLE_TIME",
          inbox);
      return watcher;
    } catch (IOException e) {
      log.warn(
          "inotify is not available ({}); watching [{}] with Java's WatchService: a file is"
              + " complete when its size and mtime stayed unchanged for INGEST_SETTLE_TIME",
          e.getMessage(),
          inbox);
      return WatchServiceWatcher.open();
    }
  }
}
