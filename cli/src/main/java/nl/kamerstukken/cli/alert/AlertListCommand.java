package nl.kamerstukken.cli.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.kamerstukken.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alert list}: the saved searches, one a line (never their secrets). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved searches.")
public final class AlertListCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print them as JSON (as GET /api/alerts answers).")
  boolean json;

  @Mixin AlertApiClient api;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      AlertApiClient.Answer answer = api.get();
      if (answer.status() != 200) {
        spec.commandLine().getErr().println("alert list: " + error(answer));
        return 1;
      }
      JsonNode alerts = Json.mapper().readTree(answer.body()).path("alerts");
      if (json) {
        out.println(alerts.toPrettyString());
      } else if (alerts.isEmpty()) {
        out.println("no saved searches");
      } else {
        alerts.forEach(a -> out.println(line(a)));
      }
      out.flush();
      return 0;
    } catch (IOException e) {
      spec.commandLine().getErr().println("alert list: " + e.getMessage());
      return 1;
    }
  }

  /** {@code name: "query" party=.. ministry=.. -> webhook (signed)}. */
  static String line(JsonNode a) {
    StringBuilder line = new StringBuilder(a.path("name").asText()).append(": ");
    line.append(
        a.path("query").isTextual() ? "\"" + a.path("query").asText() + "\"" : "(every new Q&A)");
    if (a.path("party").isTextual()) {
      line.append(" party=").append(a.path("party").asText());
    }
    if (a.path("ministry").isTextual()) {
      line.append(" ministry=").append(a.path("ministry").asText());
    }
    line.append(" -> ")
        .append(a.path("webhook").isTextual() ? a.path("webhook").asText() : "(topic only)");
    if (a.path("signed").asBoolean()) {
      line.append(" (signed)");
    }
    return line.toString();
  }

  static String error(AlertApiClient.Answer answer) {
    try {
      JsonNode body = Json.mapper().readTree(answer.body());
      if (body != null && body.path("error").isTextual()) {
        return body.path("error").asText() + " (HTTP " + answer.status() + ")";
      }
    } catch (IOException e) {
      // not JSON: show it as it is
    }
    return "HTTP " + answer.status() + ": " + answer.body();
  }
}
