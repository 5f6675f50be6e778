package nl.kamerstukken.ingest.app;

import nl.kamerstukken.ingest.config.IngestConfig;
import nl.kamerstukken.kit.lifecycle.ServiceRunner;

/** Starts ingest-service with the configuration in the environment (see the module README). */
public final class IngestMain {

  private IngestMain() {}

  public static void main(String[] args) {
    System.exit(
        ServiceRunner.run(
            "ingest-service", () -> IngestService.create(IngestConfig.load(System.getenv()))));
  }
}
