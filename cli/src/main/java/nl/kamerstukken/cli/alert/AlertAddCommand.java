package nl.kamerstukken.cli.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import nl.kamerstukken.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alert add --name NAME [--party P] [--ministry M] [--webhook URL] [--secret S] QUERY...}.
 */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Save a search: every newly indexed Q&A it lists becomes an alert.",
      "QUERY as search takes it: words (ranked, any may match), \"quoted phrases\" (must occur),"
          + " -word (excluded). A name in use is replaced."
    })
public final class AlertAddCommand implements Callable<Integer> {

  @Option(
      names = "--name",
      required = true,
      description = "The alert's name (letters, digits, . _ -).")
  String name;

  @Option(names = "--party", description = "Only questions by members of this party, e.g. VVD.")
  String party;

  @Option(names = "--ministry", description = "Only questions to or answered by this ministry.")
  String ministry;

  @Option(
      names = "--webhook",
      paramLabel = "URL",
      description = "POST each alert here (http/https).")
  String webhook;

  @Option(
      names = "--secret",
      paramLabel = "S",
      description =
          "Sign each call: X-Kamerstukken-Signature: sha256=<HMAC-SHA256 of the body>. Stored"
              + " sealed; never shown again.")
  String secret;

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      description = "The words; none = every new Q&A.")
  List<String> words;

  @Mixin AlertApiClient api;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("name", name);
    body.put("query", words == null || words.isEmpty() ? null : String.join(" ", words));
    body.put("party", party);
    body.put("ministry", ministry);
    body.put("webhook", webhook);
    body.put("secret", secret);
    try {
      AlertApiClient.Answer answer = api.post("", body.toString());
      if (answer.status() != 201) {
        err.println("alert add: " + AlertListCommand.error(answer));
        return answer.status() == 400 ? 2 : 1;
      }
      out.println("saved " + AlertListCommand.line(Json.mapper().readTree(answer.body())));
      out.flush();
      return 0;
    } catch (IOException e) {
      err.println("alert add: " + e.getMessage());
      return 1;
    }
  }
}
