package nl.kamerstukken.parse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParserSettingsTest {

  @Test
  void defaultsReadDutchWithOcr() {
    ParserSettings defaults = ParserSettings.defaults();

    assertThat(defaults.ocrEnabled()).isTrue();
    assertThat(defaults.ocrLanguage()).isEqualTo("nld");
    assertThat(defaults.withOcr(false, "nld+eng"))
        .isEqualTo(new ParserSettings(false, "nld+eng", 300, 120));
  }

  @Test
  void rejectsALanguageThatIsNoTesseractCode() {
    assertThatThrownBy(() -> ParserSettings.defaults().withOcr(true, "Dutch; rm -rf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ocrLanguage");
  }

  @Test
  void rejectsAnImplausibleResolution() {
    assertThatThrownBy(() -> new ParserSettings(true, "nld", 10, 60))
        .hasMessageContaining("ocrDpi");
  }
}
