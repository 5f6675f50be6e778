package nl.kamerstukken.index.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.kamerstukken.index.api.Reference;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  private static List<String> identifiers(String text, String... own) {
    return References.in(List.of(text), List.of(own)).stream().map(Reference::identifier).toList();
  }

  @Test
  void kamerstukkenAsPrintedGiveTheirKstIdentifier() {
    assertThat(identifiers("zie Kamerstuk 21 501-32, nr. 1703 en Kamerstuk 29 023, nr. 487."))
        .containsExactly("kst-21501-32-1703", "kst-29023-487");
    assertThat(identifiers("Kamerstukken II 2023/24, 36 410 XVI, nr. 160"))
        .containsExactly("kst-36410-XVI-160");
    assertThat(identifiers("Kamerstukken ll 2023/24, 36 410 XVI, nr. 160"))
        .as("ll for II, as OCR reads it")
        .containsExactly("kst-36410-XVI-160");
    assertThat(identifiers("Kamerstukken II, 2023/2024, 31 839, nr. 1024"))
        .containsExactly("kst-31839-1024");
    assertThat(identifiers("Kamerstukken II 2020/21, 22 112 nr. 2953"))
        .containsExactly("kst-22112-2953");
    assertThat(identifiers("Kamerstukken II 2025/2026, 33566, nr. 110"))
        .containsExactly("kst-33566-110");
    assertThat(identifiers("Kamerstuk 36 600 VIII, nr. 70")).containsExactly("kst-36600-VIII-70");
    assertThat(identifiers("Kamerstuk 21 501-02,\nnr. 2498")).containsExactly("kst-21501-02-2498");
  }

  @Test
  void aanhangselsGiveTheirAhIdentifierWithTheChamber() {
    assertThat(identifiers("Aanhangsel Handelingen II 2023/24, nr. 1234"))
        .containsExactly("ah-tk-20232024-1234");
    assertThat(identifiers("Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147"))
        .containsExactly("ah-tk-20232024-2147");
    assertThat(identifiers("Aanhangsel Handelingen I 2019/20, nr. 10"))
        .containsExactly("ah-ek-20192020-10");
  }

  @Test
  void identifiersZaakAndDocumentNumbersAreTakenAsWritten() {
    List<Reference> found =
        References.in(
            List.of("Vragen (2026Z11981), brief 2026D27213; zie ah-tk-20232024-1314."), List.of());

    assertThat(found)
        .extracting(Reference::kind, Reference::identifier)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Reference.IDENTIFIER, "ah-tk-20232024-1314"),
            org.assertj.core.groups.Tuple.tuple(Reference.ZAAK, "2026Z11981"),
            org.assertj.core.groups.Tuple.tuple(Reference.DOCUMENT, "2026D27213"));
    assertThat(found.get(1).pointsAtPublication()).isFalse();
    assertThat(found.get(0).pointsAtPublication()).isTrue();
  }

  @Test
  void aDocumentsOwnNumbersAndRepeatsAreNotReferences() {
    assertThat(
            identifiers(
                "2026Z11981 ... Kamerstuk 26 643, nr. 1522 ... Kamerstuk 29 023, nr. 487 ... Kamerstuk 29 023, nr. 487",
                "kst-26643-1522",
                "2026Z11981"))
        .containsExactly("kst-29023-487");
  }

  @Test
  void numbersThatAreNoReferencesAreLeftAlone() {
    assertThat(identifiers("In 2023 zijn 1703 meldingen gedaan; D66 en artikel 68 Grondwet."))
        .isEmpty();
  }
}
