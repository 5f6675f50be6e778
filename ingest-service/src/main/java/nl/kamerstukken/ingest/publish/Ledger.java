package nl.kamerstukken.ingest.publish;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.kamerstukken.ingest.blob.StorageFullException;
import nl.kamerstukken.ingest.source.FileStamp;
import nl.kamerstukken.ingest.source.KnownFiles;
import nl.kamerstukken.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ingest has done, kept across restarts in {@code <stateDir>/ledger.jsonl}: which path holds
 * which content (with the stamp it had) and which contents were announced. Callers write it only
 * after Kafka acknowledged, so a crash in between means announcing again on restart, never missing
 * an announcement.
 *
 * <p>The file is an append-only log of JSON lines, each a whole operation, written and flushed to
 * disk one at a time. At open it is read (a torn last line from a crash is dropped with a warning)
 * and rewritten compactly through a temporary file and an atomic rename; the same happens whenever
 * the log has grown to several times the live state. A lock file keeps a second instance away.
 *
 * <p>A full disk (the state folder has no space) does not stop ingest and does not tear the log: a
 * line that cannot be written is cut off again, kept in memory (the state is already applied, so
 * the same file is not announced twice) and written before any later line, as soon as there is
 * room; {@link #full()} says so meanwhile, and the caller takes no new work until {@link #flush()}
 * succeeds. If the service stops before that, those lines are lost and their files announced again
 * at the next start, which is harmless (as a crash between the ack and the line). A compaction that
 * does not fit is put off; the log it would have replaced stays in use.
 */
public final class Ledger implements KnownFiles, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
  private static final String FILE = "ledger.jsonl";
  private static final ObjectWriter WRITER = Json.mapper().writerFor(LedgerLine.class);

  /** What a path holds. */
  public record Holding(String sha256, FileStamp stamp) {}

  /**
   * A ledger as it was on disk, read without its lock (another instance may be appending to it).
   *
   * @param paths the paths it holds, sorted
   * @param held the contents some path of it holds
   * @param announced the contents it announced (and did not retract)
   */
  public record Snapshot(List<String> paths, Set<String> held, Set<String> announced) {
    public Snapshot {
      paths = List.copyOf(paths);
      held = Set.copyOf(held);
      announced = Set.copyOf(announced);
    }

    /** Whether this ledger holds or announced the content (its document exists for it). */
    public boolean has(String sha256) {
      return held.contains(sha256) || announced.contains(sha256);
    }
  }

  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final TreeMap<String, Holding> byPath = new TreeMap<>();
  private final Map<String, Integer> holders = new HashMap<>();
  private final Set<String> announced = new HashSet<>();
  private final List<LedgerLine> unwritten = new ArrayList<>();
  private FileChannel log;
  private long linesSinceCompaction;
  private StorageFullException full;

  private Ledger(Path file, FileChannel lockChannel, FileLock lock) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (or creates) the ledger in {@code stateDir}, which only one instance may use at a time.
   */
  public static Ledger open(Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    FileChannel lockChannel =
        FileChannel.open(
            stateDir.resolve("ledger.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException(
          "the ingest state in "
              + stateDir
              + " is in use by another ingest-service; "
              + "give each instance its own INGEST_STATE_DIR");
    }
    Ledger ledger = new Ledger(stateDir.resolve(FILE), lockChannel, lock);
    try {
      ledger.load();
      ledger.compactOrPutOff();
    } catch (IOException | RuntimeException e) {
      ledger.close();
      throw e;
    }
    return ledger;
  }

  /**
   * Reads the ledger in {@code stateDir} without taking its lock and without writing: for looking
   * at another source's state. A missing ledger is empty; a torn last line is dropped.
   */
  public static Snapshot read(Path stateDir) throws IOException {
    Ledger ledger = new Ledger(stateDir.resolve(FILE), null, null);
    ledger.load();
    return new Snapshot(
        List.copyOf(ledger.byPath.keySet()), ledger.holders.keySet(), ledger.announced);
  }

  /** Whether {@code stateDir} holds a ledger file. */
  public static boolean existsIn(Path stateDir) {
    return Files.exists(stateDir.resolve(FILE));
  }

  private void load() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    // Decoded leniently: a torn last line may end inside a multi-byte character.
    String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
    int last = lastNonBlank(lines);
    for (int i = 0; i <= last; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      try {
        apply(Json.mapper().readValue(line, LedgerLine.class));
      } catch (IOException | RuntimeException e) {
        if (i < last) {
          throw new IOException(
              "ledger "
                  + file
                  + " line "
                  + (i + 1)
                  + " is damaged ("
                  + e.getMessage()
                  + "); move the file away to re-ingest the inbox (announcing again is harmless)",
              e);
        }
        LOG.warn(
            "ledger [{}]: dropped a torn last line (the service stopped while writing it)", file);
      }
    }
  }

  private static int lastNonBlank(String[] lines) {
    int last = lines.length - 1;
    while (last >= 0 && lines[last].isBlank()) {
      last--;
    }
    return last;
  }

  // ---- reading (KnownFiles and the ingest decisions)

  @Override
  public synchronized Optional<FileStamp> stamp(String sourcePath) {
    return holding(sourcePath).map(Holding::stamp);
  }

  @Override
  public synchronized Collection<String> pathsAt(String sourcePath) {
    if (sourcePath.isEmpty()) {
      return List.copyOf(byPath.keySet());
    }
    List<String> paths = new ArrayList<>();
    if (byPath.containsKey(sourcePath)) {
      paths.add(sourcePath);
    }
    // '/' + 1 == '0': every key between "p/" and "p0" starts with "p/"
    paths.addAll(byPath.subMap(sourcePath + "/", sourcePath + "0").keySet());
    return paths;
  }

  public synchronized Optional<Holding> holding(String sourcePath) {
    return Optional.ofNullable(byPath.get(sourcePath));
  }

  public synchronized boolean isAnnounced(String sha256) {
    return announced.contains(sha256);
  }

  /** Whether a path other than {@code except} holds this content. */
  public synchronized boolean heldElsewhere(String sha256, String except) {
    Holding own = byPath.get(except);
    int others =
        holders.getOrDefault(sha256, 0) - (own != null && own.sha256().equals(sha256) ? 1 : 0);
    return others > 0;
  }

  /**
   * Contents announced that no path holds: left behind when the service stopped between recording a
   * changed file's new content and the tombstone of its old one. They are to be retracted.
   */
  public synchronized List<String> orphans() {
    return announced.stream().filter(sha -> !holders.containsKey(sha)).sorted().toList();
  }

  /** Every content announced and not retracted, sorted. */
  public synchronized List<String> announcedContents() {
    return announced.stream().sorted().toList();
  }

  public synchronized int size() {
    return byPath.size();
  }

  /**
   * Why lines wait in memory (the state folder is full), empty when everything is on disk. Cheap:
   * no disk access (see {@link #flush()}).
   */
  public synchronized Optional<StorageFullException> full() {
    return Optional.ofNullable(full);
  }

  /**
   * Writes the lines kept in memory since the disk was full; true when none is left.
   *
   * @throws IOException when the state folder fails for another reason than space
   */
  public synchronized boolean flush() throws IOException {
    writeUnwritten();
    return unwritten.isEmpty();
  }

  // ---- writing: each call is one line, durable when it returns (or kept, see full())

  /** The content was announced (acknowledged) and {@code sourcePath} (if not null) holds it. */
  public synchronized void announced(String sha256, String sourcePath, FileStamp stamp)
      throws IOException {
    write(
        new LedgerLine(
            LedgerLine.ANNOUNCE,
            sourcePath,
            sha256,
            stamp == null ? null : stamp.size(),
            stamp == null ? null : stamp.mtimeMillis(),
            stamp == null ? null : stamp.etag()));
  }

  /** {@code sourcePath} holds content that is already announced. */
  public synchronized void held(String sourcePath, String sha256, FileStamp stamp)
      throws IOException {
    write(
        new LedgerLine(
            LedgerLine.HOLD, sourcePath, sha256, stamp.size(), stamp.mtimeMillis(), stamp.etag()));
  }

  /** {@code sourcePath} holds nothing any more. */
  public synchronized void dropped(String sourcePath) throws IOException {
    write(new LedgerLine(LedgerLine.DROP, sourcePath, null, null, null));
  }

  /**
   * The content's tombstone was acknowledged; {@code sourcePath} (may be null) holds nothing any
   * more.
   */
  public synchronized void retracted(String sha256, String sourcePath) throws IOException {
    write(new LedgerLine(LedgerLine.RETRACT, sourcePath, sha256, null, null));
  }

  /** Applies {@code line} and appends it after any lines still waiting for space. */
  private void write(LedgerLine line) throws IOException {
    apply(line);
    unwritten.add(line);
    linesSinceCompaction++;
    writeUnwritten();
    if (unwritten.isEmpty()
        && linesSinceCompaction > 1000
        && linesSinceCompaction > 2L * (byPath.size() + announced.size())) {
      compactOrPutOff();
    }
  }

  /**
   * Appends the waiting lines, one durable write each. A write that fails is cut off again (no torn
   * line in the middle of the log); if the disk is full the line stays waiting, else the failure is
   * thrown.
   */
  private void writeUnwritten() throws IOException {
    while (!unwritten.isEmpty()) {
      LedgerLine line = unwritten.get(0);
      long end = log.size();
      try {
        ByteBuffer bytes =
            ByteBuffer.wrap(
                (WRITER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          log.write(bytes);
        }
        log.force(false);
      } catch (IOException e) {
        try {
          log.truncate(end);
        } catch (IOException cut) {
          e.addSuppressed(cut);
          throw e;
        }
        Optional<StorageFullException> noSpace = StorageFullException.inFolder(file.getParent(), e);
        if (noSpace.isEmpty()) {
          throw e;
        }
        if (full == null) {
          LOG.warn(
              "ledger [{}]: {}; [{}] line(s) kept in memory until there is space",
              file,
              noSpace.get().getMessage(),
              unwritten.size());
        }
        full = noSpace.get();
        return;
      }
      unwritten.remove(0);
    }
    if (full != null) {
      LOG.info("ledger [{}]: written again, there is space", file);
      full = null;
    }
  }

  private void apply(LedgerLine line) {
    switch (line.op()) {
      case LedgerLine.ANNOUNCE -> {
        announced.add(line.sha256());
        hold(line);
      }
      case LedgerLine.HOLD -> hold(line);
      case LedgerLine.DROP -> release(line.path());
      case LedgerLine.RETRACT -> {
        announced.remove(line.sha256());
        release(line.path());
      }
      default -> throw new IllegalArgumentException("unknown ledger operation " + line.op());
    }
  }

  private void hold(LedgerLine line) {
    if (line.path() == null) {
      return;
    }
    release(line.path());
    byPath.put(
        line.path(),
        new Holding(line.sha256(), new FileStamp(line.size(), line.mtime(), line.etag())));
    holders.merge(line.sha256(), 1, Integer::sum);
  }

  private void release(String path) {
    Holding old = path == null ? null : byPath.remove(path);
    if (old != null) {
      holders.computeIfPresent(old.sha256(), (sha, count) -> count > 1 ? count - 1 : null);
    }
  }

  /**
   * Compacts, unless the disk is too full for the new log: then the current one stays in use (it is
   * complete) and compaction is tried again after as many lines as the threshold.
   */
  private void compactOrPutOff() throws IOException {
    Path temp = file.resolveSibling(FILE + ".tmp");
    try {
      compact(temp);
    } catch (IOException e) {
      Optional<StorageFullException> noSpace = StorageFullException.inFolder(file.getParent(), e);
      Files.deleteIfExists(temp);
      if (noSpace.isEmpty()) {
        throw e;
      }
      LOG.warn("ledger [{}]: compaction put off: {}", file, noSpace.get().getMessage());
      if (log == null) {
        log =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
      }
      linesSinceCompaction = 0;
    }
  }

  /** Rewrites the log as the smallest equivalent one, atomically, and continues appending to it. */
  private void compact(Path temp) throws IOException {
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      StringBuilder text = new StringBuilder();
      for (String sha : announced) {
        text.append(
                WRITER.writeValueAsString(
                    new LedgerLine(LedgerLine.ANNOUNCE, null, sha, null, null)))
            .append('\n');
      }
      for (Map.Entry<String, Holding> e : byPath.entrySet()) {
        FileStamp s = e.getValue().stamp();
        text.append(
                WRITER.writeValueAsString(
                    new LedgerLine(
                        LedgerLine.HOLD,
                        e.getKey(),
                        e.getValue().sha256(),
                        s.size(),
                        s.mtimeMillis(),
                        s.etag())))
            .append('\n');
      }
      ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(true);
    }
    // The old log stays open until the new one is in place: a compaction that fails leaves it in
    // use.
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (log != null) {
      log.close();
    }
    log = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    linesSinceCompaction = 0;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      if (log != null) {
        log.close();
      }
    } finally {
      if (lock != null) {
        lock.release();
        lockChannel.close();
      }
    }
  }
}
