package nl.kamerstukken.pipeline;

import java.io.PrintWriter;
import java.io.StringWriter;
import nl.kamerstukken.cli.KamerstukkenCli;
import picocli.CommandLine;

/**
 * Runs a {@code ./kamerstukken} command in this JVM, as the launcher would, and keeps what it
 * printed.
 *
 * @param exitCode the command's exit code
 * @param output stdout and stderr together
 */
public record CliRun(int exitCode, String output) {

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli =
        new CommandLine(new KamerstukkenCli())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(out, true));
    int code = cli.execute(args);
    System.out.println(
        "$ ./kamerstukken " + String.join(" ", args) + "\n" + out + "(exit " + code + ")");
    return new CliRun(code, out.toString());
  }
}
