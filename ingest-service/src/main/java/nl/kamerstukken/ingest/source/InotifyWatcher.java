package nl.kamerstukken.ingest.source;

import static nl.kamerstukken.ingest.source.Inotify.IN_ATTRIB;
import static nl.kamerstukken.ingest.source.Inotify.IN_CLOSE_WRITE;
import static nl.kamerstukken.ingest.source.Inotify.IN_CREATE;
import static nl.kamerstukken.ingest.source.Inotify.IN_DELETE;
import static nl.kamerstukken.ingest.source.Inotify.IN_IGNORED;
import static nl.kamerstukken.ingest.source.Inotify.IN_ISDIR;
import static nl.kamerstukken.ingest.source.Inotify.IN_MODIFY;
import static nl.kamerstukken.ingest.source.Inotify.IN_MOVED_FROM;
import static nl.kamerstukken.ingest.source.Inotify.IN_MOVED_TO;
import static nl.kamerstukken.ingest.source.Inotify.IN_Q_OVERFLOW;

import com.sun.jna.Memory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox watched with Linux inotify, which, unlike Java's WatchService, says when a writer
 * closed a file ({@code IN_CLOSE_WRITE}) and when a file was renamed into a folder ({@code
 * IN_MOVED_TO}): such paths are reported {@link Changes#finished finished}, so the source need not
 * wait the settle time for them. Other events only say that something happened, as with the
 * WatchService.
 *
 * <p>Polling happens on the caller's thread, in waits of at most {@link #SLICE_MILLIS}, so a {@link
 * #close} from another thread ends a poll in progress soon; the descriptor is closed by whichever
 * of the two comes last, never under a running {@code poll(2)} or {@code read(2)}.
 */
final class InotifyWatcher implements InboxWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(InotifyWatcher.class);

  /** What is watched in each folder: what the WatchService sees, and the writer's close. */
  private static final int MASK =
      IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE;

  /** Events after which a file is done, as long as nothing else happens to it. */
  private static final int FINISHING = IN_CLOSE_WRITE | IN_MOVED_TO;

  /** The longest single wait: how soon {@link #close} ends a poll in progress. */
  static final int SLICE_MILLIS = 200;

  /** Reads per poll at most (64 KiB each); what is left is taken at the next poll. */
  private static final int MAX_READS = 16;

  private final Inotify inotify;
  private final Memory buffer = new Memory(64 * 1024);
  private final Map<Integer, Path> folders = new ConcurrentHashMap<>();
  private final Map<Path, Integer> watches = new HashMap<>();
  private final Object lock = new Object();
  private boolean polling;
  private volatile boolean closed;
  private final UnwatchedFolders unwatched = new UnwatchedFolders();

  private InotifyWatcher(Inotify inotify) {
    this.inotify = inotify;
  }

  /**
   * @throws IOException saying why inotify cannot be used here (see {@link Inotify#open})
   */
  static InotifyWatcher open() throws IOException {
    return new InotifyWatcher(Inotify.open());
  }

  @Override
  public void register(Path folder) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      try {
        int wd = inotify.addWatch(folder, MASK);
        Path before = folders.put(wd, folder);
        if (before != null && !before.equals(folder)) {
          watches.remove(before, wd); // the folder was renamed
        }
        Integer previous = watches.put(folder, wd);
        if (previous != null && previous != wd && folder.equals(folders.get(previous))) {
          // another folder took this name: the watched one moved away or is being deleted
          folders.remove(previous);
          inotify.removeWatch(previous);
        }
      } catch (NoSuchFileException e) {
        // gone again already: the rescan settles what happened
      } catch (IOException e) {
        unwatched.cannotWatch(folder, e);
      }
    }
  }

  @Override
  public int watchedFolders() {
    return folders.size();
  }

  /**
   * @throws UncheckedIOException when the inotify descriptor fails (not expected; the loop ends and
   *     the service with it)
   */
  @Override
  public Changes poll(Duration timeout) throws InterruptedException {
    synchronized (lock) {
      if (closed) {
        throw new ClosedWatchServiceException();
      }
      polling = true;
    }
    try {
      return awaitEvents(timeout) ? readEvents() : new Changes(Set.of(), Set.of(), false);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "watching the inbox with inotify failed; INGEST_FILE_EVENTS=watch-service avoids it", e);
    } finally {
      synchronized (lock) {
        polling = false;
        if (closed) {
          closeDescriptor();
        }
      }
    }
  }

  private boolean awaitEvents(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      if (closed) {
        throw new ClosedWatchServiceException();
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (inotify.awaitEvents((int) Math.max(0, Math.min(left, SLICE_MILLIS)))) {
        return true;
      }
      if (left <= 0) {
        return false;
      }
    }
  }

  private Changes readEvents() throws IOException {
    Set<Path> paths = new LinkedHashSet<>();
    Set<Path> finished = new LinkedHashSet<>();
    boolean overflow = false;
    for (int read = 0; read < MAX_READS; read++) {
      ByteBuffer bytes = inotify.read(buffer);
      if (!bytes.hasRemaining()) {
        break;
      }
      for (InotifyEvent event : InotifyEvent.parse(bytes, Inotify.FILE_NAMES)) {
        overflow |= apply(event, paths, finished);
      }
    }
    return new Changes(paths, finished, overflow);
  }

  /**
   * Adds what {@code event} says to {@code paths} and {@code finished}; true when events were lost.
   * A path is finished when its last event in this round was a close after writing or a rename into
   * the folder, apart from metadata changes ({@code touch}, {@code chmod}: the stamp is taken after
   * them anyway); anything else after that (written again, deleted, created anew) makes it an
   * ordinary change.
   */
  private boolean apply(InotifyEvent event, Set<Path> paths, Set<Path> finished) {
    if (event.is(IN_Q_OVERFLOW)) {
      return true;
    }
    if (event.is(IN_IGNORED)) {
      // the watch ended: its folder was deleted or unmounted, or register replaced it
      Path folder = folders.remove(event.wd());
      if (folder != null) {
        watches.remove(folder, event.wd());
      }
      return false;
    }
    Path folder = folders.get(event.wd());
    if (folder == null || event.name().isEmpty()) {
      // events still queued for a watch register ended, or about the watched folder itself
      return false;
    }
    Path path = folder.resolve(event.name());
    paths.add(path);
    if (event.is(FINISHING) && !event.is(IN_ISDIR)) {
      finished.add(path);
    } else if (!event.is(IN_ATTRIB)) {
      finished.remove(path);
    }
    return false;
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (!polling) {
        closeDescriptor();
      }
    }
  }

  private void closeDescriptor() {
    try {
      inotify.close();
    } catch (IOException e) {
      LOG.warn("while closing the inbox's inotify descriptor: {}", e.getMessage());
    }
  }
}
