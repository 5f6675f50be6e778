package nl.kamerstukken.localstack.host;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Ties a child process to this JVM whatever ends the JVM, {@code kill -9} included: a small shell
 * watches a pipe whose writing end only this JVM holds. When the JVM is gone the kernel closes the
 * pipe, the shell's {@code read} sees its end, and it stops the child and the child's own children
 * (Elasticsearch's server JVM beside its launcher, a service's parse workers): SIGTERM, then
 * SIGKILL after {@link #GRACE}. A child that ended before needs nothing: the shell just exits. No
 * polling: the shell sleeps in {@code read} until the pipe closes.
 */
public final class Lifeline implements AutoCloseable {

  /** How long a child has to stop after SIGTERM before it is killed. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private static final String SCRIPT =
      "while read -r _; do :; done\n"
          + "kill -0 \"$1\" 2>/dev/null || exit 0\n"
          + "tree() { for k in $(pgrep -P \"$1\" 2>/dev/null); do echo \"$k\"; tree \"$k\"; done; }\n"
          + "kids=$(tree \"$1\")\n"
          + "kill -TERM \"$1\" $kids 2>/dev/null\n"
          + "i=0\n"
          + "while [ $i -lt "
          + GRACE.toSeconds()
          + " ] && kill -0 \"$1\" 2>/dev/null; do sleep 1; i=$((i+1)); done\n"
          + "kill -KILL \"$1\" $kids $(tree \"$1\") 2>/dev/null\n"
          + "exit 0\n";

  private final Process watcher;
  private final OutputStream pipe;

  private Lifeline(Process watcher) {
    this.watcher = watcher;
    this.pipe = watcher.getOutputStream();
  }

  /** Starts the watcher of {@code child}: it acts once this JVM has ended, or on {@link #cut}. */
  public static Lifeline of(String name, ProcessHandle child) {
    ProcessBuilder builder =
        new ProcessBuilder(List.of("sh", "-c", SCRIPT, "lifeline-" + name, "" + child.pid()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      return new Lifeline(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the lifeline of " + name, e);
    }
  }

  /** The watcher's pid (recorded with the children so a later run finds it too). */
  public long pid() {
    return watcher.pid();
  }

  /**
   * Closes the pipe as the end of this JVM would: the watcher stops the child if it still runs.
   * Call after the child was stopped, and the watcher just exits.
   */
  public void cut() {
    try {
      pipe.close();
    } catch (IOException e) {
      // The watcher is gone already: nothing left to tell it.
    }
  }

  @Override
  public void close() {
    cut();
  }
}
