package nl.kamerstukken.localstack.host;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service running as a child process, its output appended to a log file. Contract: whatever
 * happens to the JVM, the child and everything it spawned end with it: a shutdown hook stops the
 * tree while the child runs, and after SIGKILL of the JVM its {@link Lifeline} does.
 */
public final class ChildProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration HOOK_GRACE = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Thread shutdownHook;
  private final Lifeline lifeline;

  private ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.shutdownHook = new Thread(() -> stopTree(HOOK_GRACE), "stop-" + name);
    this.lifeline = Lifeline.of(name, process.toHandle());
  }

  /** Starts {@code builder} with stdin empty and stdout+stderr appended to {@code logFile}. */
  public static ChildProcess start(String name, ProcessBuilder builder, Path logFile) {
    try {
      Files.createDirectories(logFile.getParent());
      builder
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      ChildProcess child = new ChildProcess(name, builder.start(), logFile);
      Runtime.getRuntime().addShutdownHook(child.shutdownHook);
      LOG.debug("Started [{}] pid [{}]: {}", name, child.pid(), builder.command());
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name + " with " + builder.command(), e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; only valid once the process has ended. */
  public int exitCode() {
    return process.exitValue();
  }

  /** Waits up to {@code timeout} for the child to exit; returns whether it did. */
  public boolean awaitExit(Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not observe the exit of " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * SIGTERMs the child and all its descendants, waits up to {@code grace} for them, then SIGKILLs
   * what is left. The tree is captured before the first signal: once a parent dies its children are
   * re-parented and cannot be found.
   */
  public void stop(Duration grace) {
    stopTree(grace);
    lifeline.cut();
    removeShutdownHook();
  }

  private void stopTree(Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    CompletableFuture<?>[] exits =
        tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      List<ProcessHandle> left =
          tree.stream().filter(ProcessHandle::isAlive).collect(Collectors.toList());
      LOG.warn("[{}] did not stop within [{}]: killing pids {}", name, grace, pids(left));
      left.forEach(ProcessHandle::destroyForcibly);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tree.forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * From now on the child stops only through {@link #stop} (its owner orders the stops at JVM
   * exit), not on its own when the JVM exits; its lifeline still stops it when this JVM dies.
   */
  public void stopOnlyWhenStopped() {
    removeShutdownHook();
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook runs or ran, and stopping twice is harmless.
    }
  }

  /** The last {@code lines} lines of the child's output, for error messages. */
  public String tail(int lines) {
    return tail(logFile, lines);
  }

  /** The last {@code lines} lines of {@code file}, or a note that it cannot be read. */
  public static String tail(Path file, int lines) {
    try {
      // Lenient decoding: a crashing JVM may leave half a character at the end.
      List<String> all =
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
              .lines()
              .collect(Collectors.toList());
      return String.join(
          System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  public Path logFile() {
    return logFile;
  }

  private static List<Long> pids(List<ProcessHandle> handles) {
    return handles.stream().map(ProcessHandle::pid).collect(Collectors.toList());
  }
}
