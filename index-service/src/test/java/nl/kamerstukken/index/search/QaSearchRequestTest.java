package nl.kamerstukken.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import nl.kamerstukken.index.api.Highlighting;
import nl.kamerstukken.index.api.SearchQuery;
import org.junit.jupiter.api.Test;

class QaSearchRequestTest {

  @Test
  void wordsRankOverTextAndMetadataAndPhrasesMustMatchTheUnstemmedFields() {
    JsonNode body =
        QaSearchRequest.body(
            SearchQuery.of("de wachttijden \"gemiddeld twaalf weken\" -stikstof"),
            Highlighting.HTML);

    JsonNode bool = body.at("/query/bool");
    assertThat(bool.get("should")).as("one clause per word, the stop word dropped").hasSize(1);
    JsonNode word = bool.at("/should/0/dis_max/queries");
    assertThat(word.at("/0/multi_match/query").asText()).isEqualTo("wachttijden");
    assertThat(word.at("/0/multi_match/fields").toString())
        .contains("questionText^1.5", "answerText", "title", "metadataText");
    assertThat(word.at("/1/multi_match/query").asText()).contains("wachttijd");
    assertThat(word.at("/1/multi_match/fields").toString()).contains("questionText.exact");
    assertThat(bool.at("/must/0/multi_match/type").asText()).isEqualTo("phrase");
    assertThat(bool.at("/must/0/multi_match/query").asText()).isEqualTo("gemiddeld twaalf weken");
    assertThat(bool.at("/must/0/multi_match/fields").toString()).doesNotContain("\"answerText\"");
    assertThat(bool.at("/must_not/0/multi_match/query").asText()).isEqualTo("stikstof");
    assertThat(bool.get("minimum_should_match").asInt())
        .as("the phrase is what must match")
        .isZero();
    assertThat(body.at("/sort/0").asText()).isEqualTo("_score");
    assertThat(body.has("post_filter")).isFalse();
  }

  @Test
  void withoutAPhraseAnyOfTheWordsMustMatchAndMoreWordsRankHigher() {
    JsonNode bool =
        QaSearchRequest.body(SearchQuery.of("klacht achterstand"), Highlighting.HTML)
            .at("/query/bool");

    assertThat(bool.get("should")).hasSize(2);
    assertThat(bool.get("minimum_should_match").asInt()).isEqualTo(1);
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
