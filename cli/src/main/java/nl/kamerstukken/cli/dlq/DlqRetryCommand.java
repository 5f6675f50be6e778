package nl.kamerstukken.cli.dlq;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.kamerstukken.cli.search.Connection;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.model.DeadLetter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dlq retry --id X | --all}: puts original events back on their topics. {@code --all} takes
 * the open dead letters (after the re-drive mark, see {@link DeadLetterLog}), one per document (the
 * latest), and moves the mark to the end afterwards, so running it twice re-drives nothing twice.
 * {@code --id} re-drives the one named, whatever the mark says.
 */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    description =
        "Re-drive dead letters: put each one's original event back on its original topic.")
public final class DlqRetryCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--dry-run", description = "Only say what would be re-driven.")
  boolean dryRun;

  @Spec CommandSpec spec;

  static final class Target {
    @Option(
        names = "--id",
        paramLabel = "ID",
        description =
            "A dead letter's id from dlq list (partition:offset), or a document id (8 or more of its first"
                + " characters): its latest dead letter.")
    String id;

    @Option(
        names = "--all",
        description = "Every open dead letter (not re-driven by an earlier --all).")
    boolean all;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    IndexClient config = connection.open(); // only its Kafka and blob settings: no connection
    KafkaSettings kafka = config.kafka();
    RedriveRules rules = new RedriveRules(kafka, config.blobs());
    DeadLetterLog log = DeadLetterLog.read(kafka);
    List<DeadLetterLog.Entry> chosen =
        target.all ? latestOpenPerDocument(log) : byId(log, target.id);
    if (chosen.isEmpty() && !target.all) {
      spec.commandLine()
          .getErr()
          .println(
              "no dead letter "
                  + target.id
                  + " on "
                  + log.topic()
                  + " (ids are partition:offset as dlq list shows them, or a document id of 8 or more characters)");
      return 1;
    }
    List<DeadLetter> redrive = new ArrayList<>();
    int refused = 0;
    for (DeadLetterLog.Entry entry : chosen) {
      String whyNot = rules.whyNot(entry.letter());
      if (whyNot == null) {
        redrive.add(entry.letter());
        out.printf(
            "%s %s  %s %s  %s -> %s%n",
            dryRun ? "would re-drive" : "re-drive",
            entry.id(),
            entry.letter().stage(),
            entry.letter().reasonCode(),
            FileNames.of(entry.letter()),
            entry.letter().originalTopic());
      } else {
        refused++;
        out.printf("skip %s: %s%n", entry.id(), whyNot);
      }
    }
    if (!dryRun) {
      try (Redrive sender = new Redrive(kafka)) {
        sender.send(redrive);
      }
      if (target.all) {
        log.markAllRedriven(kafka);
      }
    }
    out.printf(
        "%s %d dead letter(s), skipped %d%n",
        dryRun ? "would re-drive" : "re-drove", redrive.size(), refused);
    out.flush();
    return !target.all && refused > 0 ? 1 : 0;
  }

  /** Open dead letters, the latest one per original topic and key: a document is re-driven once. */
  static List<DeadLetterLog.Entry> latestOpenPerDocument(DeadLetterLog log) {
    Map<String, DeadLetterLog.Entry> latest = new LinkedHashMap<>();
    List<DeadLetterLog.Entry> unkeyed = new ArrayList<>();
    for (DeadLetterLog.Entry entry : log.entries()) {
      if (!log.isOpen(entry)) {
        continue;
      }
      DeadLetter letter = entry.letter();
      if (letter == null || letter.originalKey() == null) {
        unkeyed.add(entry);
      } else {
        String key = letter.originalTopic() + "/" + letter.originalKey();
        DeadLetterLog.Entry before = latest.get(key);
        if (before == null || before.letter().failedAt().isBefore(letter.failedAt())) {
          latest.put(key, entry);
        }
      }
    }
    List<DeadLetterLog.Entry> chosen = new ArrayList<>(latest.values());
    chosen.addAll(unkeyed);
    return chosen;
  }

  /** The entry with that id, or the latest dead letter of the document whose id starts with it. */
  static List<DeadLetterLog.Entry> byId(DeadLetterLog log, String id) {
    DeadLetterLog.Entry found = null;
    for (DeadLetterLog.Entry entry : log.entries()) {
      if (entry.id().equals(id)) {
        return List.of(entry);
      }
      DeadLetter letter = entry.letter();
      boolean sameDocument =
          id.length() >= 8
              && letter != null
              && letter.documentId() != null
              && letter.documentId().startsWith(id);
      if (sameDocument
          && (found == null || !letter.failedAt().isBefore(found.letter().failedAt()))) {
        found = entry;
      }
    }
    return found == null ? List.of() : List.of(found);
  }
}
