package nl.kamerstukken.ingest.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides when a file is complete: when its size and modification time stayed the same for the
 * settle time, or at once when its writer said it is done (closed it after writing, or renamed it
 * into the inbox) and it still looks as it did right after that signal. A file that is still being
 * written changes one of them and starts its wait again; a change after the signal voids the
 * signal. Time is passed in (nanoseconds of a monotonic clock) so that the rule can be tested
 * without waiting.
 */
final class SettleTracker {

  /**
   * @param finished the writer signalled it done and {@code file} is how it looked after that
   */
  private record Observation(InboxFile file, long sinceNanos, boolean finished) {}

  private final long settleNanos;
  private final Map<String, Observation> pending = new LinkedHashMap<>();

  SettleTracker(Duration settleTime) {
    this.settleNanos = settleTime.toNanos();
  }

  /** Notes the file as seen now; its wait starts again if it changed since the last time. */
  void observe(InboxFile file, long nowNanos) {
    Observation last = pending.get(file.sourcePath());
    if (last == null || !last.file().stamp().equals(file.stamp())) {
      pending.put(file.sourcePath(), new Observation(file, nowNanos, false));
    }
  }

  /**
   * Notes that the writer signalled the file done ({@code IN_CLOSE_WRITE}, {@code IN_MOVED_TO}) and
   * that {@code file}, seen after the signal, is how it looks then: it is complete at the next
   * {@link #settled} if it still looks the same; if it changed, the settle time applies again.
   */
  void finished(InboxFile file, long nowNanos) {
    Observation last = pending.get(file.sourcePath());
    long since =
        last != null && last.file().stamp().equals(file.stamp()) ? last.sinceNanos() : nowNanos;
    pending.put(file.sourcePath(), new Observation(file, since, true));
  }

  /** Starts the file's wait again from now, even if it looks unchanged. */
  void restart(InboxFile file, long nowNanos) {
    pending.put(file.sourcePath(), new Observation(file, nowNanos, false));
  }

  void forget(String sourcePath) {
    pending.remove(sourcePath);
  }

  /** Forgets every pending path the predicate accepts. */
  void forgetIf(Predicate<String> sourcePath) {
    pending.keySet().removeIf(sourcePath);
  }

  /**
   * Looks at every pending file again (with {@code current}, which answers what is at a path now)
   * and returns, and stops tracking, those that did not change for the settle time or since they
   * were {@link #finished}. Vanished ones are dropped.
   */
  List<InboxFile> settled(Function<String, Optional<InboxFile>> current, long nowNanos) {
    List<InboxFile> complete = new ArrayList<>();
    Iterator<Map.Entry<String, Observation>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Observation> entry = it.next();
      Optional<InboxFile> now = current.apply(entry.getKey());
      if (now.isEmpty()) {
        it.remove();
      } else if (!now.get().stamp().equals(entry.getValue().file().stamp())) {
        entry.setValue(new Observation(now.get(), nowNanos, false));
      } else if (entry.getValue().finished()
          || nowNanos - entry.getValue().sinceNanos() >= settleNanos) {
        complete.add(now.get());
        it.remove();
      }
    }
    return complete;
  }

  /** How long until the earliest pending file may be complete; empty when nothing is pending. */
  Optional<Duration> untilNextCheck(long nowNanos) {
    return pending.values().stream()
        .map(o -> o.finished() ? 0 : Math.max(0, o.sinceNanos() + settleNanos - nowNanos))
        .map(Duration::ofNanos)
        .min(Duration::compareTo);
  }

  /** Whether a pending file has this size (it may be the same content under a new name). */
  boolean holdsSize(long size) {
    return pending.values().stream().anyMatch(o -> o.file().stamp().size() == size);
  }

  int size() {
    return pending.size();
  }
}
