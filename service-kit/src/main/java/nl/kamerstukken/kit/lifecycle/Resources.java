package nl.kamerstukken.kit.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service opened while it started (clients, servers, pools, workers), closed in the reverse
 * order of opening: a resource is closed before the ones it was built on. Closing never throws: a
 * resource that fails to close is logged by name and the others are still closed, so one stuck
 * client cannot keep a stopping service from releasing its ports and files.
 */
public final class Resources implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

  private record Named(String name, AutoCloseable resource) {}

  private final String service;
  private final Deque<Named> opened = new ArrayDeque<>();

  public Resources(String service) {
    this.service = service;
  }

  /** Registers {@code resource} (named by its class) and returns it. */
  public synchronized <T extends AutoCloseable> T add(T resource) {
    return add(resource.getClass().getSimpleName(), resource);
  }

  /** Registers {@code resource} under {@code name} (for lambdas such as a pool's shutdown). */
  public synchronized <T extends AutoCloseable> T add(String name, T resource) {
    opened.push(new Named(name, resource));
    return resource;
  }

  /** Closes everything registered, last opened first; failures are logged, not thrown. */
  @Override
  public void close() {
    Named next;
    while ((next = pop()) != null) {
      try {
        next.resource().close();
      } catch (Exception e) {
        LOG.warn("{}: closing [{}] failed: {}", service, next.name(), e.toString());
      } catch (Error e) {
        LOG.error("{}: closing [{}] failed", service, next.name(), e);
      }
    }
  }

  private synchronized Named pop() {
    return opened.poll();
  }
}
