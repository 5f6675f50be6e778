package nl.kamerstukken.cli.up;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Finds a service whose process lives but which no longer answers: a JVM that deadlocked or was
 * stopped ({@code kill -STOP}). The crash path never sees it, yet nothing passes through it. Every
 * {@link #EVERY} one probe of its {@code /health/live} goes out (which answers without the
 * readiness checks: a service that waits for Kafka is not hung); a service that has answered once
 * and then misses {@link #MISSES} probes in a row is hung. Counting missed probes, not time since
 * the last answer, keeps a machine waking from suspend from finding every service hung. A service
 * that never answered is still starting: {@code up}'s start waits for it, and a restart's JVM gets
 * the time it needs.
 *
 * <p>Called from {@code up}'s one watch thread; the probes' answers arrive on the HTTP client's
 * threads, so each service's count is guarded by its own lock.
 */
final class Liveness {

  static final Duration EVERY = Duration.ofSeconds(5);
  static final int MISSES = 6;

  private final IntFunction<CompletableFuture<Boolean>> probe;
  private final Map<Long, Probes> byPid = new HashMap<>();

  /**
   * @param probe sends one probe to the service on the port; completes with whether it answered,
   *     within less than {@link #EVERY}
   */
  Liveness(IntFunction<CompletableFuture<Boolean>> probe) {
    this.probe = probe;
  }

  /**
   * Sends a probe to the living process {@code pid}, serving on {@code port}, if it is its turn and
   * its last probe has concluded.
   */
  void probe(long pid, int port, Instant now) {
    Probes probes = byPid.computeIfAbsent(pid, p -> new Probes());
    if (probes.startIfDue(now)) {
      probe.apply(port).whenComplete((answered, e) -> probes.concluded(answered));
    }
  }

  /** Forgets the processes that are no longer among {@code living}. */
  void keepOnly(Set<Long> living) {
    byPid.keySet().retainAll(living);
  }

  /** Whether {@code pid} answered once and then missed {@link #MISSES} probes in a row. */
  boolean hung(long pid) {
    Probes probes = byPid.get(pid);
    return probes != null && probes.hung();
  }

  /** The time a service that is hung has gone without an answer, for messages. */
  static Duration silence() {
    return EVERY.multipliedBy(MISSES);
  }

  /** The probes of one process. */
  private static final class Probes {
    private boolean answeredOnce;
    private int missed;
    private boolean pending;
    private Instant next = Instant.MIN;

    synchronized boolean startIfDue(Instant now) {
      if (pending || now.isBefore(next)) {
        return false;
      }
      pending = true;
      next = now.plus(EVERY);
      return true;
    }

    synchronized void concluded(Boolean answered) {
      pending = false;
      if (Boolean.TRUE.equals(answered)) {
        answeredOnce = true;
        missed = 0;
      } else if (answeredOnce) {
        missed++;
      }
    }

    synchronized boolean hung() {
      return answeredOnce && missed >= MISSES;
    }
  }
}
