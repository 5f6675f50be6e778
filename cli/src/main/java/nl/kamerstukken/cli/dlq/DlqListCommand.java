package nl.kamerstukken.cli.dlq;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import nl.kamerstukken.cli.search.Connection;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.model.DeadLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dlq list}: one line per dead letter, oldest first per partition. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List dead letters: id, time, stage, reason, attempts, document, file name, state, message.",
      "STATE: open (not re-driven yet), re-driven (by dlq retry --all), - (cannot be re-driven, e.g. a file"
          + " ingest refused)."
    })
public final class DlqListCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final String ROW = "%-8s %-19s %-6s %-22s %3s  %-12s %-28s %-9s %s%n";

  @Mixin Connection connection;

  @Option(names = "--open", description = "Only dead letters not re-driven yet.")
  boolean openOnly;

  @Option(
      names = "--full",
      description = "Show whole messages and file names instead of cutting them.")
  boolean full;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    IndexClient config = connection.open(); // only its Kafka and blob settings: no connection
    DeadLetterLog log = DeadLetterLog.read(config.kafka());
    RedriveRules rules = new RedriveRules(config.kafka(), config.blobs());
    out.printf(ROW, "ID", "TIME", "STAGE", "REASON", "TRY", "DOCUMENT", "FILE", "STATE", "MESSAGE");
    int shown = 0;
    for (DeadLetterLog.Entry entry : log.entries()) {
      boolean open = log.isOpen(entry);
      DeadLetter letter = entry.letter();
      boolean redrivable = rules.whyNot(letter) == null;
      if (openOnly && !(open && redrivable)) {
        continue;
      }
      String state = !redrivable ? "-" : open ? "open" : "re-driven";
      if (letter == null) {
        out.printf(
            ROW, entry.id(), "", "", "UNREADABLE_RECORD", "", "", "", state, "not a dead letter");
      } else {
        out.printf(
            ROW,
            entry.id(),
            TIME.format(letter.failedAt()),
            letter.stage(),
            letter.reasonCode(),
            letter.attempts(),
            cut(letter.documentId(), 12),
            cut(FileNames.of(letter), full ? 200 : 28),
            state,
            full ? letter.message() : cut(letter.message(), 90));
      }
      shown++;
    }
    out.printf(
        "%d dead letter(s) on %s%s%n", shown, log.topic(), openOnly ? " not re-driven yet" : "");
    out.flush();
    return 0;
  }

  private static String cut(String text, int length) {
    if (text == null) {
      return "-";
    }
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
