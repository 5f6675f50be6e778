package nl.kamerstukken.kit.lifecycle;

/**
 * A pipeline service: started once, closed once. {@link #close} is the graceful stop (SIGTERM): the
 * service finishes the batch in hand or leaves it uncommitted for redelivery, then releases
 * everything.
 */
public interface Service extends AutoCloseable {

  /** A short name for logs and metrics, e.g. {@code parse-service}. */
  String name();

  /** Starts the service's loops under the given supervisor; returns once they run. */
  void start(Supervisor supervisor);

  @Override
  void close();
}
