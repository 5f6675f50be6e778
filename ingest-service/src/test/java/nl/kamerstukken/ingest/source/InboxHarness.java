package nl.kamerstukken.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A folder source on an inbox in a temp folder, with the ledger in memory and a clock that moves
 * only when a test says so: the settle time passes only through {@link #pollAfter}.
 */
final class InboxHarness implements AutoCloseable {

  /** The inbox folder. */
  final Path inbox;

  /** What the ledger knows: path to stamp. */
  final TreeMap<String, FileStamp> known = new TreeMap<>();

  /** The source's monotonic clock, in nanoseconds. */
  final AtomicLong ticker = new AtomicLong();

  private FolderSource source;

  /** The ledger's part the source needs, in memory. */
  private final KnownFiles knownFiles =
      new KnownFiles() {
        @Override
        public Optional<FileStamp> stamp(String sourcePath) {
          return Optional.ofNullable(known.get(sourcePath));
        }

        @Override
        public Collection<String> pathsAt(String sourcePath) {
          return known.keySet().stream()
              .filter(
                  p ->
                      sourcePath.isEmpty()
                          || p.equals(sourcePath)
                          || p.startsWith(sourcePath + "/"))
              .toList();
        }
      };

  InboxHarness(Path dir) throws IOException {
    inbox = Files.createDirectories(dir.resolve("inbox"));
  }

  /** Starts the source (closed with the harness). */
  FolderSource open(InboxWatcher watcher, Duration settle, Duration rescan) throws IOException {
    source = new FolderSource(Inbox.at(inbox), watcher, settle, rescan, knownFiles, ticker::get);
    return source;
  }

  FolderSource source() {
    return source;
  }

  /** Moves the clock on by {@code elapsed}, then asks the source for what is ready. */
  Source.Batch pollAfter(Duration elapsed) throws Exception {
    ticker.addAndGet(elapsed.toNanos());
    return source.next(Duration.ofMillis(50));
  }

  /** Writes {@code content} to {@code relative} in the inbox, creating its folders. */
  Path drop(String relative, String content) throws IOException {
    Path file = inbox.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  /** Records {@code file} in the ledger as it is now. */
  void know(String sourcePath, Path file) throws IOException {
    known.put(sourcePath, FileStamp.of(Files.readAttributes(file, BasicFileAttributes.class)));
  }

  static List<String> paths(List<SourceItem> files) {
    return files.stream().map(SourceItem::sourcePath).toList();
  }

  @Override
  public void close() throws IOException {
    if (source != null) {
      source.close();
    }
  }
}
