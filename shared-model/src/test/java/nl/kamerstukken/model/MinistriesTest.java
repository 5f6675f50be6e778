package nl.kamerstukken.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinistriesTest {

  @Test
  void anOfficeNamesItsMinistryWhateverTheRank() {
    assertThat(Ministries.ministry("minister van Klimaat en Groene Groei"))
        .isEqualTo("Klimaat en Groene Groei");
    assertThat(Ministries.ministry("Staatssecretaris van Volksgezondheid, Welzijn en Sport"))
        .isEqualTo("Volksgezondheid, Welzijn en Sport");
    assertThat(
            Ministries.ministry("minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"))
        .isEqualTo("Buitenlandse Handel en Ontwikkelingssamenwerking");
    assertThat(Ministries.ministry("de minister van Financiën")).isEqualTo("Financiën");
    assertThat(Ministries.ministry("Minister-President")).isEqualTo("Algemene Zaken");
  }

  @Test
  void aPortfolioAfterADashIsDropped() {
    assertThat(
            Ministries.ministry(
                "staatssecretaris van Volksgezondheid, Welzijn en Sport – Jeugd, Preventie en Sport"))
        .isEqualTo("Volksgezondheid, Welzijn en Sport");
  }

  @Test
  void somethingThatIsNoOfficeGivesNoMinistry() {
    assertThat(Ministries.ministry("Voorzitter van de Tweede Kamer der Staten-Generaal")).isNull();
    assertThat(Ministries.ministry("Staatssecretaris Van Ooijen")).isNull();
    assertThat(Ministries.ministry(null)).isNull();
  }

  @Test
  void answeredByComesFirstAndEachMinistryOnce() {
    List<String> ministries =
        Ministries.of(
            List.of(
                "staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
                "minister van Financiën"),
            List.of(
                "minister van Financiën", "Voorzitter van de Tweede Kamer der Staten-Generaal"));

    assertThat(ministries)
        .containsExactly("Binnenlandse Zaken en Koninkrijksrelaties", "Financiën");
  }
}
