package nl.kamerstukken.parse.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelTest {

  @Test
  void readsGroupedLabelsWithTheirNumbersInPrintedOrder() {
    assertThat(Label.parse("Vraag 3, 4 en 5").numbers()).containsExactly("3", "4", "5");
    assertThat(Label.parse("Antwoord 5 en 6").numbers()).containsExactly("5", "6");
    assertThat(Label.parse("Vragen 1 t/m 3").numbers()).containsExactly("1", "2", "3");
  }

  @Test
  void toleratesAMissingCommaInAGroupedLabel() {
    assertThat(Label.parse("Vraag 7, 8, 9 10 en 11").numbers())
        .containsExactly("7", "8", "9", "10", "11");
  }

  @Test
  void aBareAntwoordIsAnAnswerWithoutNumbers() {
    Label label = Label.parse("Antwoord");
    assertThat(label.kind()).isEqualTo(Label.Kind.ANSWER);
    assertThat(label.numbers()).isEmpty();
  }

  @Test
  void ordinaryTextIsNoLabel() {
    assertThat(Label.parse("Antwoord van Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap)"))
        .isNull();
    assertThat(Label.parse("Vraag 1 is al beantwoord.")).isNull();
    assertThat(Label.parse("vraag 2")).isNull();
    assertThat(Label.parse("Mededeling").kind()).isEqualTo(Label.Kind.END);
  }

  @Test
  void aNumberedLineKeepsItsTextButNotAYear() {
    assertThat(Label.numbered("2. Kunt u dit toelichten?").rest())
        .isEqualTo("Kunt u dit toelichten?");
    assertThat(Label.numbered("3").numbers()).containsExactly("3");
    assertThat(Label.numbered("2024 was een goed jaar")).isNull();
    assertThat(Label.numbered("12,5 miljoen euro")).isNull();
  }
}
