package nl.kamerstukken.cli.up;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code up} per data folder, and no leftovers of an earlier one: {@code up.lock} in the data
 * folder is held (an OS file lock, released by the kernel whatever ends the JVM) while {@code up}
 * runs, and {@code up.pids} lists {@code up} itself and every process it started (pid and start
 * time, so a reused pid is never taken for ours). A new {@code up} that gets the lock stops what an
 * earlier run left alive before it starts anything.
 */
public final class RunLock implements AutoCloseable {

  static final String LOCK_FILE = "up.lock";
  static final String PIDS_FILE = "up.pids";
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Path data;
  private final FileChannel channel;
  private final FileLock lock;
  private List<String> written = List.of();

  private RunLock(Path data, FileChannel channel, FileLock lock) {
    this.data = data;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the data folder for this run, stopping the leftovers of an earlier run (said on {@code
   * out}).
   *
   * @throws IllegalStateException when another {@code up} runs on this data folder, naming it
   */
  public static RunLock acquire(Path data, PrintWriter out) throws IOException {
    FileChannel channel =
        FileChannel.open(
            data.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by this very JVM
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "another ./kamerstukken up"
              + upPid(data).map(pid -> " (pid " + pid + ")").orElse("")
              + " is running on the data folder "
              + data
              + ": stop it (Ctrl-C in its terminal) or give this one another --data-dir");
    }
    RunLock run = new RunLock(data, channel, lock);
    run.stopLeftovers(out);
    run.record();
    return run;
  }

  /**
   * Writes {@code up} and its live descendants to {@code up.pids}; cheap to call again (it writes
   * only when the set changed, e.g. after a restart).
   */
  public void record() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(line(ProcessHandle.current()));
    ProcessHandle.current().descendants().forEach(process -> lines.add(line(process)));
    if (lines.equals(written)) {
      return;
    }
    Path temp = data.resolve(PIDS_FILE + ".tmp");
    Files.write(temp, lines, StandardCharsets.UTF_8);
    Files.move(
        temp,
        data.resolve(PIDS_FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    written = lines;
  }

  private static String line(ProcessHandle process) {
    return process.pid()
        + "\t"
        + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L)
        + "\t"
        + process.info().command().orElse("?");
  }

  /** Processes of {@code up.pids} that still run (same pid and start time), {@code up} first. */
  static List<ProcessHandle> leftovers(Path data) throws IOException {
    Path file = data.resolve(PIDS_FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<ProcessHandle> alive = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", 3);
      if (fields.length < 2 || !fields[0].matches("\\d{1,18}") || !fields[1].matches("\\d{1,18}")) {
        continue;
      }
      long started = Long.parseLong(fields[1]);
      ProcessHandle.of(Long.parseLong(fields[0]))
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.pid() != ProcessHandle.current().pid())
          .filter(
              p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L).equals(started))
          .ifPresent(alive::add);
    }
    return alive;
  }

  private void stopLeftovers(PrintWriter out) throws IOException {
    List<ProcessHandle> left = leftovers(data);
    if (left.isEmpty()) {
      return;
    }
    out.println(
        "kamerstukken: an earlier run on "
            + data
            + " left "
            + left.size()
            + " process(es) running; stopping them: "
            + describe(left));
    out.flush();
    left.forEach(ProcessHandle::destroy);
    try {
      CompletableFuture.allOf(
              left.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
          .get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      left.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static String describe(List<ProcessHandle> processes) {
    List<String> names = new ArrayList<>();
    for (ProcessHandle process : processes) {
      String command =
          process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
      names.add(process.pid() + " (" + command + ")");
    }
    return String.join(", ", names);
  }

  private static Optional<Long> upPid(Path data) {
    try {
      List<String> lines = Files.readAllLines(data.resolve(PIDS_FILE), StandardCharsets.UTF_8);
      return lines.isEmpty()
          ? Optional.empty()
          : Optional.of(Long.parseLong(lines.get(0).split("\t")[0]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Releases the data folder; {@code up.pids} goes, as nothing of this run is left. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(data.resolve(PIDS_FILE));
    lock.release();
    channel.close();
  }
}
