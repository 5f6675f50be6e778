package nl.kamerstukken.parse.app;

import nl.kamerstukken.kit.lifecycle.ServiceRunner;
import nl.kamerstukken.parse.config.ParseConfig;

/** Starts parse-service with the configuration in the environment (see the module README). */
public final class ParseMain {

  private ParseMain() {}

  public static void main(String[] args) {
    System.exit(
        ServiceRunner.run(
            "parse-service", () -> ParseService.create(ParseConfig.load(System.getenv()))));
  }
}
