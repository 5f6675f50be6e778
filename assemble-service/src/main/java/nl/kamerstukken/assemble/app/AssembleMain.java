package nl.kamerstukken.assemble.app;

import nl.kamerstukken.kit.lifecycle.ServiceRunner;

/** Starts assemble-service with the configuration in the environment (see the module README). */
public final class AssembleMain {

  private AssembleMain() {}

  public static void main(String[] args) {
    System.exit(
        ServiceRunner.run(
            AssembleService.NAME,
            () -> AssembleService.create(AssembleConfig.load(System.getenv()))));
  }
}
