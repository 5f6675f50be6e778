package nl.kamerstukken.cli.dlq;

import picocli.CommandLine.Command;

/** {@code ./kamerstukken dlq list | retry}: see and re-drive what the pipeline gave up on. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    description =
        "Dead letters: documents a stage gave up on, with the reason; list them or re-drive them.",
    subcommands = {DlqListCommand.class, DlqRetryCommand.class})
public final class DlqCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
