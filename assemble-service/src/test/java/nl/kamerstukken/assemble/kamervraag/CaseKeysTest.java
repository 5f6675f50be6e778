package nl.kamerstukken.assemble.kamervraag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.kamerstukken.model.DocumentMetadata;
import org.junit.jupiter.api.Test;

class CaseKeysTest {

  @Test
  void theReprintedHeaderGivesTheSameKeyWhateverTheSpellingOfNamesAndSubject() {
    DocumentMetadata printed = header(List.of("Van Weyenberg", "Romke de Jong", "Kat"), "de TOZO");
    DocumentMetadata record =
        header(List.of("H. Kat", "S.P.R.A. van Weyenberg", "R.H. (Romke) de Jong"), "De Tozo.");

    assertThat(CaseKeys.derived(printed))
        .isEqualTo("2021-06-03-jong-kat-weyenberg-de-tozo")
        .isEqualTo(CaseKeys.derived(record));
  }

  @Test
  void accentsAndQuotesAreDroppedAndOnlyTheFirstThreeSubjectWordsCount() {
    DocumentMetadata m =
        header(List.of("Kostić", "Mutluer"), "het bericht «Kritiek op besluit provincie»");

    assertThat(CaseKeys.derived(m)).isEqualTo("2021-06-03-kostic-mutluer-het-bericht-kritiek");
  }

  @Test
  void withoutDateOrAskersThereIsNoDerivedKey() {
    assertThat(CaseKeys.derived(header(List.of(), "x"))).isNull();
    assertThat(CaseKeys.derived(DocumentMetadata.empty())).isNull();
  }

  private static DocumentMetadata header(List<String> askedBy, String title) {
    return new DocumentMetadata(
        null,
        "kamervragen",
        null,
        null,
        null,
        title,
        null,
        askedBy,
        null,
        null,
        null,
        LocalDate.of(2021, 6, 3),
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
