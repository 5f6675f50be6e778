package nl.kamerstukken.assemble.topology;

import static nl.kamerstukken.assemble.topology.Files.identified;
import static nl.kamerstukken.assemble.topology.Files.record;
import static nl.kamerstukken.assemble.topology.Files.recordValues;
import static nl.kamerstukken.assemble.topology.Files.rendition;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.KamerstukFile;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KamerstukAssemblyTest {

  private static final String ID = "ah-tk-20202021-3235";
  private static final Instant T0 = Instant.parse("2026-06-16T09:00:00Z");

  private final TopologyRun run = new TopologyRun();

  @AfterEach
  void close() {
    run.close();
  }

  @Test
  void givenTenFilesWithOneIdentifierWhenDeletedNewestFirstThenTheKamerstukFallsBackUntilTheLast() {
    List<DocumentParsed> files = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      files.add(
          rendition(
              "inbox/kopie-" + i + ".pdf",
              "application/pdf",
              T0.plusSeconds(i),
              identified(ID),
              2));
      run.drop(files.get(i));
    }

    assertThat(run.kamerstukken()).containsOnlyKeys(ID);
    assertThat(run.kamerstukken().get(ID).representative()).isEqualTo(files.get(9).documentId());
    assertThat(run.kamerstukken().get(ID).files()).hasSize(10);

    for (int i = 9; i > 0; i--) {
      run.remove(files.get(i));
      Kamerstuk now = run.kamerstukken().get(ID);
      assertThat(now).as("after removing file %d", i).isNotNull();
      assertThat(now.representative()).isEqualTo(files.get(i - 1).documentId());
      assertThat(now.files()).hasSize(i);
      assertThat(now.questions()).hasSize(2);
      assertThat(now.text()).contains("kopie-" + (i - 1));
    }
    run.remove(files.get(0));

    assertThat(run.kamerstukken()).isEmpty();
  }

  @Test
  void givenThePublisherXmlBesideAPdfThenTheXmlRepresentsWhateverTheOrder() {
    DocumentParsed xml =
        rendition("inbox/" + ID + ".xml", "application/xml", T0, identified(ID), 9);
    DocumentParsed pdf =
        rendition("inbox/" + ID + ".pdf", "application/pdf", T0.plusSeconds(60), identified(ID), 8);

    run.drop(xml);
    run.drop(pdf);

    Kamerstuk kamerstuk = run.kamerstukken().get(ID);
    assertThat(kamerstuk.representative()).isEqualTo(xml.documentId());
    assertThat(kamerstuk.questions()).hasSize(9);
    assertThat(kamerstuk.files())
        .extracting(KamerstukFile::role)
        .containsExactly(KamerstukFile.Role.REPRESENTATIVE, KamerstukFile.Role.ALTERNATIVE);
    assertThat(kamerstuk.representativeRule()).startsWith("publisher XML over PDF");

    run.remove(xml);

    assertThat(run.kamerstukken().get(ID).representative()).isEqualTo(pdf.documentId());
    assertThat(run.kamerstukken().get(ID).questions()).hasSize(8);
  }

  @Test
  void givenAPdfAndItsMetadataRecordInEitherOrderThenOneKamerstukWithTheZaakNumber() {
    for (boolean recordFirst : new boolean[] {true, false}) {
      try (TopologyRun fresh = new TopologyRun()) {
        DocumentParsed pdf =
            rendition(
                "2021/" + ID + ".pdf",
                "application/pdf",
                T0,
                Files.kamervraag(
                    ID,
                    "aanhangsel-antwoord",
                    java.time.LocalDate.of(2021, 6, 3),
                    java.time.LocalDate.of(2021, 6, 21),
                    List.of(),
                    List.of("Van Weyenberg", "Kat")),
                9);
        DocumentParsed meta =
            record("2021/" + ID + ".metadata.xml", T0, recordValues(ID, "2021Z09739"));
        fresh.drop(recordFirst ? meta : pdf);
        fresh.drop(recordFirst ? pdf : meta);

        assertThat(fresh.kamerstukken()).as("record first: %s", recordFirst).containsOnlyKeys(ID);
        Kamerstuk kamerstuk = fresh.kamerstukken().get(ID);
        assertThat(kamerstuk.metadata().zaakNumbers()).containsExactly("2021Z09739");
        assertThat(kamerstuk.metadata().documentNumber()).isEqualTo("3235");
        // the PDF's content represents the Kamerstuk, the record only enriches its metadata
        assertThat(kamerstuk.questions()).hasSize(9);
        assertThat(kamerstuk.answers()).hasSize(9);
        // names as printed win over the record's spelling
        assertThat(kamerstuk.metadata().askedBy()).containsExactly("Van Weyenberg", "Kat");
        assertThat(kamerstuk.files())
            .extracting(KamerstukFile::role)
            .containsExactly(
                KamerstukFile.Role.REPRESENTATIVE, KamerstukFile.Role.PUBLISHER_METADATA);
      }
    }
  }

  @Test
  void givenOnlyAMetadataRecordThenThereIsNoKamerstukAndRemovingThePdfLeavesNone() {
    DocumentParsed meta =
        record("2021/" + ID + ".metadata.xml", T0, recordValues(ID, "2021Z09739"));
    run.drop(meta);

    assertThat(run.kamerstukken()).isEmpty();

    DocumentParsed pdf = rendition("2021/" + ID + ".pdf", "application/pdf", T0, identified(ID), 1);
    run.drop(pdf);
    assertThat(run.kamerstukken()).containsOnlyKeys(ID);
    run.remove(pdf);

    assertThat(run.kamerstukken()).isEmpty();
  }

  @Test
  void givenAFileWithoutIdentifierThenItIsKeyedByContentUntilItsRecordArrivesBesideIt() {
    DocumentParsed pdf =
        rendition("tk/0c6cbed0.pdf", "application/pdf", T0, DocumentMetadata.empty(), 3);
    run.drop(pdf);

    assertThat(run.kamerstukken()).containsOnlyKeys(pdf.documentId());
    assertThat(run.kamerstukken().get(pdf.documentId()).identifier()).isNull();

    run.drop(record("tk/0c6cbed0.metadata_owms.xml", T0, recordValues(ID, null)));

    assertThat(run.kamerstukken()).containsOnlyKeys(ID);
    assertThat(run.kamerstukken().get(ID).representative()).isEqualTo(pdf.documentId());
  }

  @Test
  void givenAFileOverwrittenWithAnotherKamerstukThenItMovesFromOneToTheOther() {
    DocumentParsed before =
        rendition("inbox/stuk.pdf", "application/pdf", T0, identified("kst-1-1"), 1);
    DocumentParsed other =
        rendition("inbox/ander.pdf", "application/pdf", T0, identified("kst-1-1"), 2);
    run.drop(before);
    run.drop(other);

    // ingest announces the new content of inbox/stuk.pdf and a tombstone for the old
    DocumentParsed after =
        rendition("inbox/stuk.pdf", "application/pdf", T0.plusSeconds(5), identified("kst-2-2"), 4);
    run.drop(after);
    run.remove(before);

    assertThat(run.kamerstukken()).containsOnlyKeys("kst-1-1", "kst-2-2");
    assertThat(run.kamerstukken().get("kst-1-1").files()).hasSize(1);
    assertThat(run.kamerstukken().get("kst-1-1").representative()).isEqualTo(other.documentId());
    assertThat(run.kamerstukken().get("kst-2-2").questions()).hasSize(4);
  }

  @Test
  void givenARecordThatIsNoValidEventThenItIsDeadLetteredAndTheStreamGoesOn() {
    run.pipeRaw("abc", "{\"documentId\":\"abc\"}".getBytes(StandardCharsets.UTF_8));
    run.pipeRaw("def", "not json".getBytes(StandardCharsets.UTF_8));
    run.drop(rendition("inbox/a.pdf", "application/pdf", T0, identified(ID), 1));

    assertThat(run.deadLetters())
        .hasSize(2)
        .allSatisfy(
            letter -> {
              assertThat(letter.stage()).isEqualTo(Stage.ASSEMBLE);
              assertThat(letter.reasonCode()).isEqualTo(ReasonCode.INVALID_EVENT);
            })
        .anySatisfy(letter -> assertThat(letter.message()).contains("source"));
    assertThat(run.kamerstukken()).containsOnlyKeys(ID);
  }
}
