package nl.kamerstukken.parse.isolation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts parse-worker restarts by cause ({@code timeout}, {@code out_of_memory}, {@code crashed},
 * ...).
 */
final class WorkerMetrics {

  private final MeterRegistry registry;

  WorkerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void restarted(String cause) {
    Counter.builder("kamerstukken.parse.worker.restarts")
        .tag("cause", cause)
        .description("parse workers replaced, by why the previous one ended")
        .register(registry)
        .increment();
  }
}
