package nl.kamerstukken.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QaSearchRequestTest {

  @Test
  void wordsAreAllRequiredOverQuestionAnswerAndTitleAndPhrasesUseTheUnstemmedFields() {
    JsonNode body =
        QaSearchRequest.body(
            SearchQuery.of("wachttijden \"gemiddeld twaalf weken\""), Highlighting.HTML);

    JsonNode simple = body.at("/query/simple_query_string");
    assertThat(simple.get("default_operator").asText()).isEqualTo("and");
    assertThat(simple.get("quote_field_suffix").asText()).isEqualTo(".exact");
    assertThat(simple.get("fields").toString()).contains("questionText^3", "answerText", "title");
    assertThat(body.at("/sort/0").asText()).isEqualTo("_score");
    assertThat(body.has("post_filter")).isFalse();
  }

  @Test
  void noWordsListsEveryQuestionNewestFirst() {
    JsonNode body = QaSearchRequest.body(SearchQuery.of(null), Highlighting.HTML);

    assertThat(body.at("/query/match_all").isObject()).isTrue();
    assertThat(body.at("/sort/0/date/order").asText()).isEqualTo("desc");
  }

  @Test
  void filtersArePostFiltersSoTheFacetsKeepEveryChoice() {
    SearchQuery query =
        new SearchQuery(
            "stikstof",
            "BBB",
            "Klimaat",
            "2023-2024",
            "aanhangsel-antwoord",
            LocalDate.of(2024, 1, 1),
            null,
            10,
            0);

    JsonNode body = QaSearchRequest.body(query, Highlighting.HTML);

    String filters = body.at("/post_filter/bool/filter").toString();
    assertThat(filters)
        .contains(
            "{\"term\":{\"parties\":\"BBB\"}}",
            "{\"term\":{\"parliamentaryYear\":\"2023-2024\"}}",
            "{\"term\":{\"documentType\":\"aanhangsel-antwoord\"}}",
            "{\"term\":{\"ministry\":\"Klimaat\"}}",
            "{\"term\":{\"answeredBy\":\"Klimaat\"}}",
            "{\"match_phrase\":{\"ministry.text\":\"Klimaat\"}}",
            "{\"range\":{\"date\":{\"gte\":\"2024-01-01\"}}}",
            "{\"range\":{\"submittedDate\":{\"gte\":\"2024-01-01\"}}}");
    assertThat(body.at("/aggs/party/terms/field").asText()).isEqualTo("parties");
    assertThat(body.at("/aggs/ministry/terms/field").asText()).isEqualTo("ministry");
    assertThat(body.at("/aggs/year/terms/field").asText()).isEqualTo("parliamentaryYear");
  }

  @Test
  void highlightsMarkWordsInEscapedTextForThePageAndPlainTextForATerminal() {
    JsonNode html = QaSearchRequest.body(SearchQuery.of("x"), Highlighting.HTML).get("highlight");
    JsonNode plain =
        QaSearchRequest.body(SearchQuery.of("x"), Highlighting.plain("**", "**")).get("highlight");

    assertThat(html.get("encoder").asText()).isEqualTo("html");
    assertThat(html.at("/pre_tags/0").asText()).isEqualTo("<mark>");
    assertThat(html.get("fields").findValues("questionText.exact")).hasSize(1);
    assertThat(plain.has("encoder")).isFalse();
    assertThat(plain.at("/post_tags/0").asText()).isEqualTo("**");
  }
}
