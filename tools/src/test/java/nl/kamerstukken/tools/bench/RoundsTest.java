package nl.kamerstukken.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTest {

  @Test
  void threeRoundsGiveTheMiddleValueThenEachRoundInTheOrderTheyRan() {
    Rounds figure = new Rounds(List.of(26.3, 23.0, 24.1));

    assertThat(figure.median()).isEqualTo(24.1);
    assertThat(figure.format("%.1f")).isEqualTo("24.1 (26.3 / 23.0 / 24.1)");
    assertThat(figure.format("%.1f", "s")).isEqualTo("24.1 s (26.3 / 23.0 / 24.1)");
  }

  @Test
  void twoRoundsGiveTheMeanOfBoth() {
    Rounds figure = new Rounds(List.of(0.5, 0.7));

    assertThat(figure.median()).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(figure.format("%.2f")).isEqualTo("0.60 (0.50 / 0.70)");
  }

  @Test
  void oneRoundIsJustItsValue() {
    assertThat(new Rounds(List.of(1025.4)).format("%.0f")).isEqualTo("1025");
    assertThat(new Rounds(List.of(1025.4)).format("%.0f", "ms")).isEqualTo("1025 ms");
  }

  @Test
  void noRoundIsAnError() {
    assertThatThrownBy(() -> new Rounds(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
