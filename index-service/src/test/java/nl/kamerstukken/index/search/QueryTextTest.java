package nl.kamerstukken.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTextTest {

  @Test
  void wordsPhrasesAndExclusionsAreTakenApart() {
    QueryText text =
        QueryText.parse(
            "Wachttijden, jeugdzorg? \"gemiddeld twaalf weken\" -stikstof -\"kabels en leidingen\"");

    assertThat(text.words()).containsExactly("wachttijden", "jeugdzorg");
    assertThat(text.phrases()).containsExactly("gemiddeld twaalf weken");
    assertThat(text.excludedWords()).containsExactly("stikstof");
    assertThat(text.excludedPhrases()).containsExactly("kabels en leidingen");
  }

  @Test
  void hyphensAndApostrophesInsideAWordStay() {
    QueryText text = QueryText.parse("GroenLinks-PvdA regio's Saudi-Arabië - x");

    assertThat(text.words()).containsExactly("groenlinks-pvda", "regio's", "saudi-arabië", "x");
    assertThat(text.excludedWords()).isEmpty();
  }

  @Test
  void anUnclosedQuoteRunsToTheEndAndDuplicatesCountOnce() {
    QueryText text = QueryText.parse("zorg Zorg \"kabels en");

    assertThat(text.words()).isEqualTo(List.of("zorg"));
    assertThat(text.phrases()).containsExactly("kabels en");
  }

  @Test
  void onlyExclusionsAskForNothing() {
    assertThat(QueryText.parse("-stikstof").isEmpty()).isTrue();
    assertThat(QueryText.parse("\"x y\"").isEmpty()).isFalse();
  }
}
