package nl.kamerstukken.cli.alert;

import picocli.CommandLine.Command;

/**
 * {@code ./kamerstukken alert add | list | remove | test}: saved searches whose new answers are
 * sent to a webhook. Talks to index-service's alerts API, the only writer of the saved searches'
 * topic (it seals the secret).
 */
@Command(
    name = "alert",
    mixinStandardHelpOptions = true,
    description =
        "Saved searches: every newly indexed question with its answer that a saved search lists is"
            + " POSTed, signed, to its webhook (and published on kamerstukken.alerts).",
    subcommands = {
      AlertAddCommand.class,
      AlertListCommand.class,
      AlertRemoveCommand.class,
      AlertTestCommand.class
    })
public final class AlertCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
