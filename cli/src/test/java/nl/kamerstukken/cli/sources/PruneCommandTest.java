package nl.kamerstukken.cli.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamerstukken.cli.KamerstukkenCli;
import nl.kamerstukken.ingest.api.SourceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code prune} without Kafka: what a dry run prints, and refusals (exit 2). */
class PruneCommandTest {

  @TempDir Path dir;
  private Path inbox;
  private SourceId source;

  @BeforeEach
  void aStateThatRemembersOneFolder() throws Exception {
    // Given the state of up on a folder that held two files with one content (as a ledger has it)
    inbox = Files.createDirectories(dir.resolve("oud-inbox"));
    source = SourceId.folder(inbox);
    Path ledger =
        Files.createDirectories(
            dir.resolve(".kamerstukken/ingest-state/sources").resolve(source.id()));
    Files.writeString(
        ledger.resolve("source.json"),
        "{\"id\":\"%s\",\"kind\":\"folder\",\"location\":\"%s\"}"
            .formatted(source.id(), source.location()));
    String sha = "a".repeat(64);
    Files.writeString(
        ledger.resolve("ledger.jsonl"),
        ("{\"op\":\"announce\",\"path\":\"x.pdf\",\"sha256\":\"%s\",\"size\":1,\"mtime\":1}\n"
                + "{\"op\":\"hold\",\"path\":\"kopie/x.pdf\",\"sha256\":\"%s\",\"size\":1,\"mtime\":1}\n")
            .formatted(sha, sha));
  }

  private String[] run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli =
        new CommandLine(new KamerstukkenCli())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(out, true));
    int code = cli.execute(args);
    assertThat(code).as(out.toString()).isEqualTo(expectedExit);
    return out.toString().split("\n");
  }

  @Test
  void aDryRunListsTheFilesAndCountsAndKeepsTheSource() {
    String[] lines =
        run(
            0,
            "prune",
            "--source",
            inbox.toString(),
            "--dry-run",
            "--data-dir",
            dir.resolve(".kamerstukken").toString());

    assertThat(lines)
        .contains(
            "  kopie/x.pdf",
            "  x.pdf",
            "would prune folder "
                + source.location()
                + ": 2 file(s), 1 document(s) would be removed, 0 kept (another known source holds"
                + " the same content)");
    assertThat(dir.resolve(".kamerstukken/ingest-state/sources").resolve(source.id())).exists();
  }

  @Test
  void anUnknownSourceIsRefusedNamingTheKnownOnes() {
    String[] lines =
        run(
            2,
            "prune",
            "--source",
            dir.resolve("nooit").toString(),
            "--dry-run",
            "--data-dir",
            dir.resolve(".kamerstukken").toString());

    assertThat(String.join("\n", lines))
        .contains("knows no source named " + dir.resolve("nooit"))
        .contains(source.id());
  }
}
