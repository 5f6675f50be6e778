package nl.kamerstukken.ingest.source;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
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

/**
 * The inbox watched with Java's {@link WatchService}, which works everywhere but cannot tell "the
 * writer closed the file" from "the file was modified": every file it reports completes by the
 * settle time. A {@link WatchService} watches one folder, not a tree, so each folder is registered,
 * and new folders as they appear.
 */
final class WatchServiceWatcher implements InboxWatcher {

  private final WatchService service;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final UnwatchedFolders unwatched = new UnwatchedFolders();

  WatchServiceWatcher(WatchService service) {
    this.service = service;
  }

  /** A watcher on the default file system. */
  static WatchServiceWatcher open() throws IOException {
    return new WatchServiceWatcher(FileSystems.getDefault().newWatchService());
  }

  /**
   * Starts watching {@code folder}; failures (e.g. the inotify watch limit) leave it to the rescan.
   */
  @Override
  public void register(Path folder) {
    try {
      folders.put(folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), folder);
    } catch (NoSuchFileException e) {
      // gone again already: the rescan settles what happened
    } catch (IOException e) {
      unwatched.cannotWatch(folder, e);
    }
  }

  @Override
  public int watchedFolders() {
    return folders.size();
  }

  /**
   * Waits up to {@code timeout} for notifications, then takes every one that is ready.
   *
   * @throws java.nio.file.ClosedWatchServiceException when closed meanwhile (the service is
   *     stopping)
   */
  @Override
  public Changes poll(Duration timeout) throws InterruptedException {
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
    return new Changes(paths, Set.of(), overflow);
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
