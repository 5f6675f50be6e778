package nl.kamerstukken.cli.alert;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alert remove NAME}: no more alerts of that saved search (undelivered ones are dropped).
 */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a saved search.")
public final class AlertRemoveCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", description = "The saved search's name.")
  String name;

  @Mixin AlertApiClient api;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      AlertApiClient.Answer answer = api.delete(name);
      if (answer.status() == 204) {
        spec.commandLine().getOut().println("removed " + name);
        spec.commandLine().getOut().flush();
        return 0;
      }
      spec.commandLine().getErr().println("alert remove: " + AlertListCommand.error(answer));
      return 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("alert remove: " + e.getMessage());
      return 1;
    }
  }
}
