package nl.kamerstukken.parse.isolation;

/**
 * A parse worker could not be started (the JVM did not run, or the parser could not be built in
 * it).
 */
final class WorkerStartException extends Exception {

  private static final long serialVersionUID = 1L;

  WorkerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
