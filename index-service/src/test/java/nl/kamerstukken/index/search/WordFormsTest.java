package nl.kamerstukken.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordFormsTest {

  @ParameterizedTest(name = "{0} and {1} find each other")
  @CsvSource({
    // The pairs stemmers leave apart (Snowball, or the Hunspell dictionary for compounds)
    "sanctie, sancties",
    "winstmarge, winstmarges",
    "verzekeringsarts, verzekeringsartsen",
    "wachtlijst, wachtlijsten",
    "kolencentrale, kolencentrales",
    "windturbine, windturbines",
    "regenboogprovincie, regenboogprovincies",
    "zorgverzekeraar, zorgverzekeraars",
    // Regular Dutch plurals
    "klacht, klachten",
    "achterstand, achterstanden",
    "gemeente, gemeenten",
    "gemeente, gemeentes",
    "vraag, vragen",
    "zaak, zaken",
    "brief, brieven",
    "prijs, prijzen",
    "huis, huizen",
    "kabinet, kabinetten",
    "proces, processen",
    "kind, kinderen",
    "regio, regio's",
    "maatregel, maatregelen",
    "ondernemer, ondernemers",
  })
  void aSingularAndItsPluralFindEachOther(String singular, String plural) {
    assertThat(WordForms.of(singular)).contains(plural);
    assertThat(WordForms.of(plural)).contains(singular);
  }

  @Test
  void aVerbAndItsNounInIngFindEachOther() {
    assertThat(WordForms.of("bekostigd")).contains("bekostiging");
    assertThat(WordForms.of("bekostiging")).contains("bekostigd", "bekostigen");
    assertThat(WordForms.of("bekostigen")).contains("bekostiging");
  }

  @Test
  void shortWordsNumbersAndOddTokensGetNoOtherForms() {
    assertThat(WordForms.of("wet")).isEmpty();
    assertThat(WordForms.of("2024")).isEmpty();
    assertThat(WordForms.of("saudi-arabië")).isEmpty();
    assertThat(WordForms.of("2026Z11981")).isEmpty();
  }

  @Test
  void theWordItselfIsNotAmongItsOtherForms() {
    assertThat(WordForms.of("wachtlijsten")).doesNotContain("wachtlijsten");
    assertThat(WordForms.of("Wachtlijst")).contains("wachtlijsten").doesNotContain("wachtlijst");
  }
}
