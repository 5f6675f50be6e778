package nl.kamerstukken.parse.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DehyphenatorTest {

  @Test
  void joinsAWordBrokenAtALineEnd() {
    assertThat(joined("Zijn de voorwaarden om zich regen-", "boogprovincie te noemen?"))
        .isEqualTo("Zijn de voorwaarden om zich regenboogprovincie te noemen?");
  }

  @Test
  void keepsTheHyphenOfACompoundWithAnAbbreviation() {
    assertThat(joined("de Europese AI-", "verordening voorziet"))
        .isEqualTo("de Europese AI-verordening voorziet");
    assertThat(joined("(Centrum voor Wiskunde en Informatica-", "CWI- en TNO)"))
        .isEqualTo("(Centrum voor Wiskunde en Informatica-CWI- en TNO)");
  }

  @Test
  void keepsAHyphenTheDocumentUsesElsewhere() {
    assertThat(
            joined(
                "de veiligheid van de lhbti-",
                "gemeenschap nog beter",
                "voor de lhbti-gemeenschap."))
        .startsWith("de veiligheid van de lhbti-gemeenschap nog beter");
  }

  @Test
  void keepsAShortenedCompoundBeforeAConjunction() {
    assertThat(joined("de bezuinigingen op de onderwijs-", "en onderzoeksbudgetten"))
        .isEqualTo("de bezuinigingen op de onderwijs- en onderzoeksbudgetten");
  }

  @Test
  void joinsAcrossAPageBreak() {
    List<CleanLine> lines =
        List.of(
            new CleanLine("Wanneer wordt het onder-", 1, true, false, false, false, 8),
            new CleanLine("zoek herhaald?", 2, false, false, false, false, 8));
    assertThat(CleanDocument.join(Dehyphenator.apply(lines)))
        .isEqualTo("Wanneer wordt het onderzoek herhaald?");
  }

  private static String joined(String... texts) {
    List<CleanLine> lines = new ArrayList<>();
    for (String text : texts) {
      lines.add(
          new CleanLine(
              text, 1, lines.isEmpty() || text.startsWith("voor de"), false, false, false, 8));
    }
    return CleanDocument.join(Dehyphenator.apply(lines));
  }
}
