package nl.kamerstukken.ingest.source;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File system notifications for every folder of the inbox. A {@link WatchService} watches one
 * folder, not a tree, so each folder is registered, and new folders as they appear. Notifications
 * are a hint that makes ingest quick; they can be lost (overflow, watch limits), which is why the
 * source also rescans the whole inbox periodically.
 */
final class InboxWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

  /** Paths that something happened to, and whether notifications were lost. */
  record Changes(Set<Path> paths, boolean overflow) {}

  private final WatchService service;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private boolean warnedAboutLimit;

  InboxWatcher(WatchService service) {
    this.service = service;
  }

  /**
   * Starts watching {@code folder}; failures (e.g. the inotify watch limit) leave it to the rescan.
   */
  void register(Path folder) {
    try {
      folders.put(folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), folder);
    } catch (NoSuchFileException e) {
      // gone again already: the rescan settles what happened
    } catch (IOException e) {
      if (!warnedAboutLimit) {
        LOG.warn(
            "cannot watch [{}] ({}); changes there are found by the periodic rescan only. "
                + "Raise fs.inotify.max_user_watches if the inbox has many folders",
            folder,
            e.toString());
        warnedAboutLimit = true;
      }
    }
  }

  int watchedFolders() {
    return folders.size();
  }

  /**
   * Waits up to {@code timeout} for notifications, then takes every one that is ready.
   *
   * @throws java.nio.file.ClosedWatchServiceException when closed meanwhile (the service is
   *     stopping)
   */
  Changes poll(Duration timeout) throws InterruptedException {
    WatchKey key =
        timeout.isZero() || timeout.isNegative()
            ? service.poll()
            : service.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Set<Path> paths = new LinkedHashSet<>();
    boolean overflow = false;
    while (key != null) {
      Path folder = folders.get(key);
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == OVERFLOW || folder == null) {
          overflow = true;
        } else {
          paths.add(folder.resolve((Path) event.context()));
        }
      }
      if (!key.reset()) {
        folders.remove(key);
      }
      key = service.poll();
    }
    return new Changes(paths, overflow);
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
