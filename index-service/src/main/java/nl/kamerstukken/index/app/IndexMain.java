package nl.kamerstukken.index.app;

import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.kit.lifecycle.ServiceRunner;

/**
 * {@code java -jar index-service.jar}: runs the index service until SIGTERM; exit 2 = bad
 * configuration.
 */
public final class IndexMain {

  private IndexMain() {}

  public static void main(String[] args) {
    System.exit(
        ServiceRunner.run(
            IndexService.NAME, () -> IndexService.create(IndexConfig.load(System.getenv()))));
  }
}
