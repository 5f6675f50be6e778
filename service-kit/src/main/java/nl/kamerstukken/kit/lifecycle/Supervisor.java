package nl.kamerstukken.kit.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service's long-lived loops on named threads and watches them. A loop that ends with an
 * exception while the service is not stopping is a dead worker: the supervisor records the failure,
 * and whoever waits in {@link #awaitFailure} (the service's main) stops the service with a non-zero
 * exit. A dead worker never leaves a service that looks healthy.
 */
public final class Supervisor {

  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

  private final String service;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch failed = new CountDownLatch(1);
  private volatile boolean stopping;

  public Supervisor(String service) {
    this.service = service;
  }

  /** Starts {@code loop} on a thread named {@code <service>-<name>}. */
  public void start(String name, Runnable loop) {
    Thread thread = new Thread(() -> watch(name, loop), service + "-" + name);
    threads.add(thread);
    thread.start();
  }

  private void watch(String name, Runnable loop) {
    try {
      loop.run();
      if (!stopping) {
        report(
            name,
            new IllegalStateException("loop [" + name + "] ended while the service was running"));
      }
    } catch (Throwable e) {
      if (!stopping) {
        report(name, e);
      }
    }
  }

  private void report(String name, Throwable e) {
    if (failure.compareAndSet(null, e)) {
      LOG.error("service [{}]: loop [{}] died; the service stops", service, name, e);
    }
    failed.countDown();
  }

  /** The first failure of any loop, if one failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Blocks until a loop fails; returns that failure. */
  public Throwable awaitFailure() throws InterruptedException {
    failed.await();
    return failure.get();
  }

  /** Marks the service as stopping: loops ending now are not failures. */
  public void stopping() {
    stopping = true;
  }

  /**
   * Waits up to {@code timeout} for the loops that were asked to stop; logs which part of the work
   * is left ({@code leftOver}, e.g. "its batch stays uncommitted") when they do not end in time.
   *
   * @return whether all ended
   */
  public boolean awaitLoops(Duration timeout, String leftOver) {
    try {
      if (join(timeout)) {
        return true;
      }
      LOG.warn("service [{}]: loops did not stop within {}; {}", service, timeout, leftOver);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Waits for every loop to end, up to {@code timeout}; returns whether all ended. */
  public boolean join(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (thread.isAlive()) {
        return false;
      }
    }
    return true;
  }
}
