package nl.kamerstukken.ingest.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.ingest.source.SourceItem;
import nl.kamerstukken.kit.kafka.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's wait for space: while the blob store or the state folder is full, the items that did
 * not fit are held here, in order, and tried again (first) after a growing, jittered wait; no new
 * work is taken meanwhile, because it would fail the same way. The loop thread changes it; {@code
 * /health} reads it from another thread.
 */
final class SpaceWait {

  private static final Logger LOG = LoggerFactory.getLogger(SpaceWait.class);

  private final Backoff backoff;
  private final List<SourceItem> held = new ArrayList<>();
  private volatile String reason = "";
  private volatile int heldCount;
  private volatile long nextTryNanos;
  private int attempts;

  SpaceWait(Backoff backoff) {
    this.backoff = backoff;
  }

  /** Whether ingest waits for space. */
  boolean waiting() {
    return !reason.isEmpty();
  }

  /**
   * There is no space ({@code why}: where, with the free bytes); {@code items} are held to be tried
   * again first, after those held already.
   */
  void full(String why, List<SourceItem> items) {
    if (reason.isEmpty()) {
      LOG.warn(
          "DISK_FULL: {}; ingest takes no new files until there is space, and tries again", why);
    }
    held.addAll(items);
    heldCount = held.size();
    reason = why;
  }

  /** The wait before the next try; each call waits longer (up to the backoff's maximum). */
  Duration nextDelay() {
    attempts++;
    Duration delay = backoff.delay(attempts);
    nextTryNanos = System.nanoTime() + delay.toNanos();
    return delay;
  }

  /** The held items, to be tried now (they are no longer held). */
  List<SourceItem> takeHeld() {
    List<SourceItem> items = List.copyOf(held);
    held.clear();
    heldCount = 0;
    return items;
  }

  /** Everything held fit: the wait is over. */
  void clear() {
    if (!reason.isEmpty()) {
      LOG.info("there is space again after [{}] tries: ingest goes on", attempts);
    }
    held.clear();
    heldCount = 0;
    attempts = 0;
    reason = "";
  }

  /** What {@code /health} shows while waiting: why, what waits, and when the next try is. */
  String describe() {
    String why = reason;
    if (why.isEmpty()) {
      return "";
    }
    long inMillis = Math.max(0, Duration.ofNanos(nextTryNanos - System.nanoTime()).toMillis());
    return "DISK_FULL: "
        + why
        + "; "
        + heldCount
        + " file(s) held, no new files taken; next try in "
        + inMillis
        + " ms";
  }
}
