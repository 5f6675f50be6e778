package nl.kamerstukken.parse.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KamervraagHeaderTest {

  @Test
  void readsMembersPartiesAddresseesTitleAndDates() {
    KamervraagHeader h =
        KamervraagHeader.parse(
            "Vragen van de leden Sneller (D66), Chakor (GroenLinks-PvdA) en"
                + " Van Nispen (SP) aan de Staatssecretaris en de Minister van Volksgezondheid, Welzijn en Sport over de"
                + " (toegang tot) zorg (ingezonden 30 mei 2024).\nMededeling van Minister De Jonge (Binnenlandse Zaken en"
                + " Koninkrijksrelaties) (ontvangen (ontvangen 7 juni 2024).\nZie ook Aanhangsel Handelingen, vergaderjaar"
                + " 2023–2024, nr. 2147.");

    assertThat(h.askedBy()).containsExactly("Sneller", "Chakor", "Van Nispen");
    assertThat(h.parties()).containsExactly("D66", "GroenLinks-PvdA", "SP");
    assertThat(h.addressedTo())
        .containsExactly(
            "staatssecretaris van Volksgezondheid, Welzijn en Sport",
            "minister van Volksgezondheid, Welzijn en Sport");
    assertThat(h.title()).isEqualTo("de (toegang tot) zorg");
    assertThat(h.submittedDate()).isEqualTo(LocalDate.of(2024, 5, 30));
    assertThat(h.answeredBy())
        .containsExactly("minister van Binnenlandse Zaken en Koninkrijksrelaties");
    assertThat(h.receivedDate()).isEqualTo(LocalDate.of(2024, 6, 7));
    assertThat(h.seeAlso())
        .containsExactly("Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147");
  }

  @Test
  void sharesAPartyPrintedForAllAndExpandsAbbreviatedPortfolios() {
    KamervraagHeader h =
        KamervraagHeader.parse(
            "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen"
                + " D66) aan de Ministers van Buitenlandse Zaken en voor Buitenlandse Handel en Ontwikkelingssamenwerking"
                + " over Jemen (ingezonden 5 juni 2024).\nAntwoord van Minister Bruins Slot (BZ) van Minister Schreinemacher"
                + " (Buitenlandse Handel en Ontwikkelingssamenwerking), mede namens de Staatssecretaris van Justitie en"
                + " Veiligheid (ontvangen 28 juni 2024).");

    assertThat(h.askedBy()).containsExactly("Van Weyenberg", "Romke de Jong", "Kat");
    assertThat(h.parties()).containsExactly("D66");
    assertThat(h.addressedTo())
        .containsExactly(
            "minister van Buitenlandse Zaken",
            "minister voor Buitenlandse Handel en Ontwikkelingssamenwerking");
    assertThat(h.answeredBy())
        .containsExactly(
            "minister van Buitenlandse Zaken",
            "minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            "staatssecretaris van Justitie en Veiligheid");
  }

  @Test
  void isAbsentWithoutAKamervragenHeader() {
    assertThat(KamervraagHeader.parse("De Kamer,\ngehoord de beraadslaging,")).isNull();
  }

  @Test
  void readsDutchDates() {
    assertThat(DutchDates.first("ontvangen 1 okt. 2023")).isEqualTo(LocalDate.of(2023, 10, 1));
    assertThat(DutchDates.first("Den Haag, 16 juni 2026")).isEqualTo(LocalDate.of(2026, 6, 16));
    assertThat(DutchDates.first("Deadline: 11-10-2024")).isEqualTo(LocalDate.of(2024, 10, 11));
    assertThat(DutchDates.first("2021-06-21")).isEqualTo(LocalDate.of(2021, 6, 21));
    assertThat(DutchDates.first("31 februari 2024")).isNull();
  }
}
