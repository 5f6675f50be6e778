package nl.kamerstukken.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import nl.kamerstukken.ingest.config.IngestConfig.FileEvents;

/**
 * The inbox as a stream of work: complete files to ingest, entries to refuse, and known paths that
 * no longer hold a file. Files present at start and files that arrive later are found the same way:
 * watch notifications make it quick, a full rescan every {@code rescanInterval} (and at start)
 * makes it certain.
 *
 * <p>A file is offered once it is complete (see {@link SettleTracker}: unchanged for the settle
 * time, or at once when the {@link InboxWatcher} reported it {@link InboxWatcher.Changes#finished
 * finished} and it is still as seen then) and unless {@link KnownFiles} already has it with the
 * same stamp. A known path that is empty now is reported as gone once it stayed empty for the
 * settle time (at least {@link #MIN_GONE_GRACE}) and no pending file has its size (it may be the
 * same content under a new name): a rename is then seen as "new path holds known content" before
 * "old path gone", so it never becomes a delete.
 *
 * <p>Not thread-safe: one loop calls {@link #next}; only {@link #close} may come from another
 * thread.
 */
public final class FolderSource implements Source {

  /**
   * The least time a known path must stay empty before it counts as gone: the two halves of a
   * rename (old name gone, new name there) can arrive in different rounds of notifications.
   */
  static final Duration MIN_GONE_GRACE = Duration.ofMillis(500);

  private final Inbox inbox;
  private final InboxWatcher watcher;
  private final SettleTracker settle;
  private final KnownFiles known;
  private final long rescanNanos;
  private final LongSupplier ticker;

  /** Files and refusals not to offer again until their stamp changes. */
  private final Map<String, FileStamp> skipped = new HashMap<>();

  /** Known paths found empty, with when that was first seen. */
  private final Map<String, Long> goneCandidates = new LinkedHashMap<>();

  private final long goneGraceNanos;
  private boolean rescanDue = true;
  private long lastRescan;

  FolderSource(
      Inbox inbox,
      InboxWatcher watcher,
      Duration settleTime,
      Duration rescanInterval,
      KnownFiles known,
      LongSupplier ticker) {
    this.inbox = inbox;
    this.watcher = watcher;
    this.settle = new SettleTracker(settleTime);
    this.known = known;
    this.rescanNanos = rescanInterval.toNanos();
    this.goneGraceNanos = Math.max(settleTime.toNanos(), MIN_GONE_GRACE.toNanos());
    this.ticker = ticker;
  }

  /**
   * A source for the existing folder {@code inbox}, watched as {@code events} says (see {@link
   * InboxWatcher#open}).
   */
  public static FolderSource open(
      Path inbox, Duration settleTime, Duration rescanInterval, FileEvents events, KnownFiles known)
      throws IOException {
    Inbox folder = Inbox.at(inbox);
    return new FolderSource(
        folder,
        InboxWatcher.open(events, folder.root()),
        settleTime,
        rescanInterval,
        known,
        System::nanoTime);
  }

  /** The real path of the watched folder. */
  public Path root() {
    return inbox.root();
  }

  /**
   * Waits for changes at most {@code maxWait} (less when a pending file may complete sooner), then
   * returns what is ready. The first call scans the whole inbox.
   *
   * @throws IOException when the inbox folder itself is missing or unreadable (nothing is reported
   *     gone then)
   * @throws java.nio.file.ClosedWatchServiceException when the source was closed meanwhile
   */
  @Override
  public Batch next(Duration maxWait) throws IOException, InterruptedException {
    InboxWatcher.Changes changes = watcher.poll(waitTime(maxWait));
    List<Refusal> refused = new ArrayList<>();
    long now = ticker.getAsLong();
    if (rescanDue || changes.overflow() || now - lastRescan >= rescanNanos) {
      rescan(changes.finished(), refused, now);
    } else {
      for (Path path : changes.paths()) {
        changed(path, changes.finished().contains(path), refused, now);
      }
    }
    List<InboxFile> complete = settle.settled(inbox::stat, now);
    return new Batch(List.<SourceItem>copyOf(complete), refused, confirmGone(now));
  }

  private Duration waitTime(Duration maxWait) {
    if (rescanDue) {
      return Duration.ZERO;
    }
    long now = ticker.getAsLong();
    Duration wait = minimum(maxWait, Duration.ofNanos(Math.max(0, lastRescan + rescanNanos - now)));
    return settle.untilNextCheck(now).map(next -> minimum(wait, next)).orElse(wait);
  }

  private static Duration minimum(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private void rescan(Set<Path> finished, List<Refusal> refused, long now) throws IOException {
    if (!inbox.available()) {
      throw new IOException(
          "the inbox "
              + inbox.root()
              + " is missing or unreadable (mount gone?); "
              + "nothing is ingested or removed until it is back");
    }
    Inbox.Listing listing = inbox.list(inbox.root());
    listing.folders().forEach(watcher::register);
    Set<String> present = new HashSet<>();
    Set<String> refusedNow = new HashSet<>();
    for (InboxFile file : listing.files()) {
      present.add(file.sourcePath());
      consider(file, finished.contains(file.path()), now);
    }
    for (Refusal refusal : listing.refusals()) {
      refusedNow.add(refusal.sourcePath());
      report(refusal, refused);
    }
    settle.forgetIf(path -> !present.contains(path));
    skipped.keySet().removeIf(path -> !present.contains(path) && !refusedNow.contains(path));
    for (String path : known.pathsAt("")) {
      if (!present.contains(path)) {
        goneCandidates.putIfAbsent(path, now);
      }
    }
    rescanDue = false;
    lastRescan = now;
  }

  private void changed(Path path, boolean finished, List<Refusal> refused, long now)
      throws IOException {
    Entry entry = inbox.inspect(path);
    if (entry instanceof InboxFile file) {
      consider(file, finished, now);
    } else if (entry instanceof Refusal refusal) {
      report(refusal, refused);
      settle.forget(refusal.sourcePath());
      known.pathsAt(refusal.sourcePath()).forEach(p -> goneCandidates.putIfAbsent(p, now));
    } else if (entry instanceof Entry.Folder folder) {
      Inbox.Listing listing = inbox.list(folder.path());
      listing.folders().forEach(watcher::register);
      listing.files().forEach(file -> consider(file, false, now));
      listing.refusals().forEach(refusal -> report(refusal, refused));
    } else if (!path.equals(inbox.root())) {
      String sourcePath = inbox.sourcePath(path);
      settle.forgetIf(p -> p.equals(sourcePath) || p.startsWith(sourcePath + "/"));
      known.pathsAt(sourcePath).forEach(p -> goneCandidates.putIfAbsent(p, now));
    }
  }

  /**
   * @param finished the watcher reported its writer done just before {@code file} was seen
   */
  private void consider(InboxFile file, boolean finished, long now) {
    String path = file.sourcePath();
    goneCandidates.remove(path);
    if (known.stamp(path).filter(file.stamp()::equals).isPresent()) {
      settle.forget(path);
      return;
    }
    FileStamp skippedStamp = skipped.get(path);
    if (file.stamp().equals(skippedStamp)) {
      return;
    }
    skipped.remove(path);
    if (finished) {
      settle.finished(file, now);
    } else {
      settle.observe(file, now);
    }
  }

  private void report(Refusal refusal, List<Refusal> refused) {
    if (!refusal.stamp().equals(skipped.get(refusal.sourcePath()))) {
      skipped.put(refusal.sourcePath(), refusal.stamp());
      refused.add(refusal);
    }
  }

  private List<String> confirmGone(long now) {
    List<String> gone = new ArrayList<>();
    for (Map.Entry<String, Long> candidate : List.copyOf(goneCandidates.entrySet())) {
      String path = candidate.getKey();
      Optional<FileStamp> stamp = known.stamp(path);
      Optional<InboxFile> there = inbox.stat(path);
      if (stamp.isEmpty()) {
        goneCandidates.remove(path);
      } else if (there.isPresent()) {
        consider(there.get(), false, now);
      } else if (now - candidate.getValue() >= goneGraceNanos
          && !settle.holdsSize(stamp.get().size())) {
        goneCandidates.remove(path);
        gone.add(path);
      }
    }
    return gone;
  }

  /** Do not offer this file again until it changes (it was refused; the operator was told). */
  @Override
  public void skip(SourceItem file) {
    skipped.put(file.sourcePath(), file.stamp());
  }

  /** Offer this file again once it is complete again (it changed while it was being read). */
  @Override
  public void retry(SourceItem item) {
    skipped.remove(item.sourcePath());
    settle.restart(own(item), ticker.getAsLong());
  }

  /**
   * Opens a file offered by this source; see {@link SourceFileException} for the reasons it may
   * fail.
   */
  @Override
  public InputStream open(SourceItem item) throws SourceFileException {
    return inbox.open(own(item));
  }

  private static InboxFile own(SourceItem item) {
    if (!(item instanceof InboxFile file)) {
      throw new IllegalArgumentException(
          item.sourcePath() + " was not offered by the inbox folder");
    }
    return file;
  }

  @Override
  public Optional<FileStamp> stampNow(String sourcePath) {
    return inbox.stat(sourcePath).map(InboxFile::stamp);
  }

  /** The file at {@code sourcePath} as it is now. */
  public Optional<InboxFile> stat(String sourcePath) {
    return inbox.stat(sourcePath);
  }

  /** Files seen but not yet complete. */
  @Override
  public int pending() {
    return settle.size();
  }

  /** Known paths found empty that have not been reported gone yet. */
  int vanishing() {
    return goneCandidates.size();
  }

  public int watchedFolders() {
    return watcher.watchedFolders();
  }

  @Override
  public String describe() {
    return inbox.root().toString();
  }

  @Override
  public void close() throws IOException {
    watcher.close();
  }
}
