package nl.kamerstukken.kit.http;

/** One readiness condition, e.g. "Kafka reachable". Must answer quickly (cache slow probes). */
@FunctionalInterface
public interface HealthCheck {

  Status check();

  /**
   * @param up whether the condition holds
   * @param detail what was seen, for the operator
   */
  record Status(boolean up, String detail) {

    public static Status up(String detail) {
      return new Status(true, detail);
    }

    public static Status down(String detail) {
      return new Status(false, detail);
    }
  }
}
