package nl.kamerstukken.kit.lifecycle;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import nl.kamerstukken.kit.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of every service: builds it (configuration is validated there), starts it, stops
 * it gracefully on SIGTERM/Ctrl-C, and exits non-zero when configuration is invalid (2) or a loop
 * died (1).
 */
public final class ServiceRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

  private ServiceRunner() {}

  /** Runs the service until the JVM is asked to stop or a loop dies; returns the exit code. */
  public static int run(String name, Supplier<Service> factory) {
    Service service;
    try {
      service = factory.get();
    } catch (ConfigException e) {
      LOG.error("{} cannot start: {}", name, e.getMessage());
      return 2;
    }
    Supervisor supervisor = new Supervisor(name);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> stop(service, supervisor, closed), name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      service.start(supervisor);
      LOG.info("{} started", name);
      supervisor.awaitFailure();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (RuntimeException e) {
      LOG.error("{} failed to start", name, e);
    }
    Runtime.getRuntime().removeShutdownHook(hook);
    stop(service, supervisor, closed);
    return 1;
  }

  private static void stop(Service service, Supervisor supervisor, CountDownLatch closed) {
    if (closed.getCount() == 0) {
      return;
    }
    supervisor.stopping();
    try {
      service.close();
    } catch (RuntimeException e) {
      LOG.warn("{} did not close cleanly: {}", service.name(), e.toString());
    }
    closed.countDown();
  }
}
