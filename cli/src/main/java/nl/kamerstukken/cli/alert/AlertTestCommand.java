package nl.kamerstukken.cli.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.kamerstukken.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alert test NAME}: runs the saved search on what is indexed now and sends its best match
 * once to the webhook, signed, with {@code "test": true}; exit 0 when the webhook answered 2xx.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description =
        "Run a saved search now and send its best match once to the webhook (marked test).")
public final class AlertTestCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", description = "The saved search's name.")
  String name;

  @Mixin AlertApiClient api;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      AlertApiClient.Answer answer = api.post("/" + AlertApiClient.encode(name) + "/test", "{}");
      if (answer.status() != 200) {
        err.println("alert test: " + AlertListCommand.error(answer));
        return 1;
      }
      JsonNode result = Json.mapper().readTree(answer.body());
      int status = result.path("status").asInt();
      out.println(
          name
              + ": "
              + result.path("matches").asLong()
              + " indexed Q&A match now; sent "
              + result.path("sentQaId").asText()
              + " -> "
              + (status == -1 ? "no webhook" : status == 0 ? "no answer" : "HTTP " + status)
              + (result.path("problem").asText().isEmpty()
                  ? ""
                  : " (" + result.path("problem").asText() + ")"));
      out.flush();
      return status >= 200 && status < 300 ? 0 : 1;
    } catch (IOException e) {
      err.println("alert test: " + e.getMessage());
      return 1;
    }
  }
}
