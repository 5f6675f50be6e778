package nl.kamerstukken.ingest.source;

import static nl.kamerstukken.ingest.source.InboxHarness.paths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {

  private static final Duration SETTLE = Duration.ofSeconds(1);

  @TempDir Path dir;
  private InboxHarness harness;
  private Path inbox;
  private FolderSource source;

  @BeforeEach
  void openInbox() throws IOException {
    harness = new InboxHarness(dir);
    inbox = harness.inbox;
  }

  @AfterEach
  void close() throws IOException {
    harness.close();
  }

  private FolderSource source(Duration rescan) throws IOException {
    source = harness.open(WatchServiceWatcher.open(), SETTLE, rescan);
    return source;
  }

  @Test
  void offersFilesPresentAtStartOnceTheyAreComplete() throws Exception {
    // Given files, one in a subfolder, before the source starts
    harness.drop("kst-1.pdf", "one");
    harness.drop("2026/vragen/kst-2.pdf", "two");
    source(Duration.ofHours(1));

    // When it scans at start and again after the settle time
    Source.Batch first = harness.pollAfter(Duration.ZERO);
    Source.Batch second = harness.pollAfter(SETTLE);
    Source.Batch third = harness.pollAfter(SETTLE);

    // Then both are offered once, with paths relative to the inbox separated by '/'
    assertThat(first.complete()).isEmpty();
    assertThat(paths(second.complete()))
        .containsExactlyInAnyOrder("kst-1.pdf", "2026/vragen/kst-2.pdf");
    assertThat(third.complete()).isEmpty();
  }

  @Test
  void waitsForAFileThatIsStillBeingWritten() throws Exception {
    // Given a file whose writer is not done
    Path file = harness.drop("growing.pdf", "first part ");
    source(Duration.ofHours(1));
    harness.pollAfter(Duration.ZERO);

    // When it grows after the settle time has passed
    Files.writeString(file, "second part", StandardOpenOption.APPEND);
    Source.Batch whileWriting = harness.pollAfter(SETTLE.multipliedBy(2));

    // Then it is not offered until it stayed unchanged for the settle time
    assertThat(whileWriting.complete()).isEmpty();
    Source.Batch afterwards = harness.pollAfter(SETTLE);
    assertThat(paths(afterwards.complete())).containsExactly("growing.pdf");
    assertThat(afterwards.complete().get(0).stamp().size())
        .isEqualTo("first part second part".length());
  }

  @Test
  void findsNewFilesInNewSubfoldersThroughWatchEvents() throws Exception {
    // Given a running source that will not rescan during the test
    source(Duration.ofDays(1));
    harness.pollAfter(Duration.ZERO);

    // When a folder tree with a file appears
    harness.drop("nieuw/dieper/kst-3.pdf", "three");

    // Then the watch finds it (recursively registered) and it is offered
    List<String> offered = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              offered.addAll(paths(harness.pollAfter(SETTLE).complete()));
              assertThat(offered).containsExactly("nieuw/dieper/kst-3.pdf");
            });
  }

  @Test
  void ignoresHiddenAndTemporaryFilesAndHiddenFolders() throws Exception {
    // Given temporary and hidden entries next to a real file
    for (String name :
        List.of(
            ".hidden.pdf",
            "download.pdf.part",
            "x.TMP",
            "~$vragen.docx",
            "a.pdf.crdownload",
            ".git/config",
            ".Trash/kst-9.pdf")) {
      harness.drop(name, "ignore me");
    }
    harness.drop("kst-4.pdf", "four");
    source(Duration.ofHours(1));

    // When scanned
    harness.pollAfter(Duration.ZERO);
    Source.Batch batch = harness.pollAfter(SETTLE);

    // Then only the real file is offered
    assertThat(paths(batch.complete())).containsExactly("kst-4.pdf");
    assertThat(batch.refused()).isEmpty();
  }

  @Test
  void refusesALinkThatPointsOutsideTheInboxOnce() throws Exception {
    // Given a link in the inbox to a file outside it, and a link to a file inside it
    Path secret = Files.writeString(dir.resolve("secret.txt"), "outside");
    Files.createSymbolicLink(inbox.resolve("escape.pdf"), secret);
    Path inside = harness.drop("real.pdf", "inside");
    Files.createSymbolicLink(inbox.resolve("alias.pdf"), inside);
    source(Duration.ofSeconds(5));

    // When scanned twice (the second time by a full rescan)
    Source.Batch first = harness.pollAfter(Duration.ZERO);
    Source.Batch second = harness.pollAfter(Duration.ofSeconds(6));

    // Then the outside link is refused once, with the reason; the inside link is read like its file
    assertThat(first.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.sourcePath()).isEqualTo("escape.pdf");
              assertThat(r.reasonCode()).isEqualTo(ReasonCode.OUTSIDE_WATCHED_FOLDER);
              assertThat(r.message()).contains(secret.toRealPath().toString());
            });
    assertThat(second.refused()).isEmpty();
    assertThat(paths(second.complete())).containsExactlyInAnyOrder("real.pdf", "alias.pdf");
  }

  @Test
  void neverOpensAFileThatBecameALinkOutsideAfterItWasSeen() throws Exception {
    // Given a file that was offered
    harness.drop("swap.pdf", "harmless");
    source(Duration.ofHours(1));
    harness.pollAfter(Duration.ZERO);
    SourceItem offered = harness.pollAfter(SETTLE).complete().get(0);

    // When it is replaced by a link to a file outside before it is read
    Path secret = Files.writeString(dir.resolve("secret.txt"), "outside");
    Files.delete(inbox.resolve("swap.pdf"));
    Files.createSymbolicLink(inbox.resolve("swap.pdf"), secret);

    // Then opening it is refused
    assertThatThrownBy(() -> source.open(offered))
        .isInstanceOfSatisfying(
            SourceFileException.class,
            e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.OUTSIDE_WATCHED_FOLDER));
  }

  @Test
  void handlesSpacesUnicodeAndLongNames() throws Exception {
    // Given names with spaces, accents and symbols, and a name of 255 characters (the limit)
    String spaces = "Vragen en antwoorden (2026) over de begroting.pdf";
    String unicode = "Kamervragen over één reünie – 2026 ✓ 日本.pdf";
    String longName = "k".repeat(251) + ".pdf";
    for (String name : List.of(spaces, unicode, longName)) {
      harness.drop("sub map/" + name, name);
    }
    source(Duration.ofHours(1));

    // When scanned
    harness.pollAfter(Duration.ZERO);
    List<SourceItem> offered = harness.pollAfter(SETTLE).complete();

    // Then each is offered under its exact name, and can be read
    assertThat(paths(offered))
        .containsExactlyInAnyOrder(
            "sub map/" + spaces, "sub map/" + unicode, "sub map/" + longName);
    for (SourceItem file : offered) {
      try (InputStream in = source.open(file)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo(file.fileName());
      }
    }
  }

  @Test
  void doesNotOfferWhatIsKnownUnchangedAndOffersItWhenItChanges() throws Exception {
    // Given a file the ledger knows with its current stamp
    Path file = harness.drop("known.pdf", "v1");
    harness.know("known.pdf", file);
    source(Duration.ofSeconds(5));

    // When scanned, Then it is not offered
    harness.pollAfter(Duration.ZERO);
    assertThat(harness.pollAfter(SETTLE).complete()).isEmpty();

    // When it changes, Then it is offered again
    Files.writeString(file, "version two");
    List<String> offered = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              offered.addAll(paths(harness.pollAfter(SETTLE).complete()));
              assertThat(offered).containsExactly("known.pdf");
            });
  }

  @Test
  void skippedFilesAreOfferedAgainOnlyAfterTheyChange() throws Exception {
    // Given a file that was offered and skipped (e.g. too large)
    Path file = harness.drop("too-big.pdf", "pretend this is large");
    source(Duration.ofSeconds(5));
    harness.pollAfter(Duration.ZERO);
    source.skip(harness.pollAfter(SETTLE).complete().get(0));

    // When rescanned, Then it is not offered
    assertThat(harness.pollAfter(Duration.ofSeconds(6)).complete()).isEmpty();
    assertThat(harness.pollAfter(SETTLE).complete()).isEmpty();

    // When it changes, Then it is offered again
    Files.writeString(file, "smaller");
    harness.pollAfter(Duration.ofSeconds(6));
    assertThat(paths(harness.pollAfter(SETTLE).complete())).containsExactly("too-big.pdf");
  }

  @Test
  void reportsKnownPathsThatDisappearedWhileStopped() throws Exception {
    // Given the ledger knows a file that is no longer in the inbox
    harness.known.put("deleted.pdf", new FileStamp(5, 1000));

    // When the source starts, and looks again after the settle time
    source(Duration.ofHours(1));
    Source.Batch first = harness.pollAfter(Duration.ZERO);
    Source.Batch second = harness.pollAfter(SETTLE);

    // Then the path is reported gone, once it stayed gone for the settle time
    assertThat(first.gone()).isEmpty();
    assertThat(second.gone()).containsExactly("deleted.pdf");
    assertThat(harness.pollAfter(SETTLE).gone()).isEmpty();
  }

  @Test
  void reportsADeletedFolderAsAllItsKnownPathsGone() throws Exception {
    // Given two known files in a folder
    Path a = harness.drop("map/a.pdf", "aaa");
    Path b = harness.drop("map/b.pdf", "bbbb");
    harness.know("map/a.pdf", a);
    harness.know("map/b.pdf", b);
    source(Duration.ofDays(1));
    harness.pollAfter(Duration.ZERO);

    // When the folder is deleted
    Files.delete(a);
    Files.delete(b);
    Files.delete(inbox.resolve("map"));

    // Then (through watch events) both paths are reported gone
    List<String> gone = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              gone.addAll(harness.pollAfter(SETTLE).gone());
              assertThat(gone).containsExactlyInAnyOrder("map/a.pdf", "map/b.pdf");
            });
  }

  @Test
  void aRenamedFileIsOfferedUnderItsNewNameBeforeTheOldNameIsReportedGone() throws Exception {
    // Given a known file
    Path old = harness.drop("oud.pdf", "content that moves");
    harness.know("oud.pdf", old);
    source(Duration.ofSeconds(5));
    harness.pollAfter(Duration.ZERO);

    // When it is renamed, and the source looks before the new name has settled
    Files.move(old, inbox.resolve("nieuw.pdf"));
    Source.Batch beforeSettled = harness.pollAfter(Duration.ofSeconds(6));

    // Then the old name is not reported gone yet; once the new name is complete, both come in one
    // batch
    assertThat(beforeSettled.gone()).isEmpty();
    assertThat(beforeSettled.complete()).isEmpty();
    Source.Batch settled = harness.pollAfter(SETTLE);
    assertThat(paths(settled.complete())).containsExactly("nieuw.pdf");
    assertThat(settled.gone()).containsExactly("oud.pdf");
  }

  @Test
  void aRenameSeenInTwoRoundsIsStillNotADelete() throws Exception {
    // Given a known file
    Path old = harness.drop("map/oud.pdf", "content that moves");
    harness.know("map/oud.pdf", old);
    source(Duration.ofDays(1));
    harness.pollAfter(Duration.ZERO);

    // When the old name's disappearance arrives in one round of notifications ...
    Files.delete(old);
    List<String> gone = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              gone.addAll(harness.pollAfter(Duration.ZERO).gone());
              return source.vanishing() == 1;
            });
    // ... and the new name, with the same content, only in a later one
    harness.ticker.addAndGet(Duration.ofMillis(600).toNanos());
    harness.drop("nieuw.pdf", "content that moves");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              gone.addAll(harness.pollAfter(Duration.ZERO).gone());
              return source.pending() == 1;
            });

    // Then the old name is not reported gone before the new name is complete: both come in one
    // batch
    assertThat(gone).isEmpty();
    Source.Batch settled = harness.pollAfter(SETTLE);
    assertThat(paths(settled.complete())).containsExactly("nieuw.pdf");
    assertThat(settled.gone()).containsExactly("map/oud.pdf");
  }

  @Test
  void doesNotReportAnythingGoneWhenTheInboxItselfIsMissing() throws Exception {
    // Given a known file and a started source
    harness.known.put("a.pdf", new FileStamp(1, 1));
    harness.drop("a.pdf", "a");
    source(Duration.ofSeconds(5));
    harness.pollAfter(Duration.ZERO);

    // When the whole inbox disappears (an unmounted share)
    Files.delete(inbox.resolve("a.pdf"));
    Files.delete(inbox);

    // Then the rescan fails loudly instead of reporting every file deleted
    assertThatThrownBy(() -> harness.pollAfter(Duration.ofSeconds(6)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing or unreadable");
  }
}
