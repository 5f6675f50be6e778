package nl.kamerstukken.index.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void parametersBecomeAQueryBlankMeaningNoFilter() {
    SearchQuery query =
        SearchQuery.fromParameters(
            Map.of(
                "q",
                " wachttijden ",
                "party",
                "BBB",
                "ministry",
                "",
                "from",
                "2024-01-01",
                "to",
                "2024-12-31",
                "size",
                "20",
                "offset",
                "40"));

    assertThat(query.text()).isEqualTo("wachttijden");
    assertThat(query.party()).isEqualTo("BBB");
    assertThat(query.ministry()).isNull();
    assertThat(query.from()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(query.to()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(query.size()).isEqualTo(20);
    assertThat(query.offset()).isEqualTo(40);
  }

  @Test
  void aBadParameterIsRefusedWithItsName() {
    assertThatThrownBy(() -> SearchQuery.fromParameters(Map.of("from", "1 januari")))
        .hasMessageContaining("from")
        .hasMessageContaining("2024-01-31");
    assertThatThrownBy(() -> SearchQuery.fromParameters(Map.of("size", "1000")))
        .hasMessageContaining("size");
    assertThatThrownBy(() -> SearchQuery.fromParameters(Map.of("size", "tien")))
        .hasMessageContaining("size");
    assertThatThrownBy(
            () -> SearchQuery.fromParameters(Map.of("from", "2024-02-01", "to", "2024-01-01")))
        .hasMessageContaining("before it starts");
    assertThatThrownBy(() -> SearchQuery.fromParameters(Map.of("offset", "9995")))
        .hasMessageContaining("offset");
  }
}
