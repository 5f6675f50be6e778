package nl.kamerstukken.index.elasticsearch;

import static nl.kamerstukken.index.document.Fixtures.RECEIVED;
import static nl.kamerstukken.index.document.Fixtures.parsed;
import static nl.kamerstukken.index.document.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.document.Fixtures;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.model.Json;
import org.junit.jupiter.api.Test;

class IndexBodiesTest {

  private final IndexedDocument indexed =
      Fixtures.indexed(
          parsed(
              "a".repeat(64),
              "kst-1-1",
              List.of(segment("Vraag?", "1")),
              List.of(segment("Antwoord.", "1")),
              RECEIVED));

  @Test
  void everyFieldTheServiceWritesIsMapped() {
    // The mappings are strict: a field written but not mapped would be a rejected document.
    assertThat(
            unmapped(
                Json.mapper().valueToTree(indexed.document()),
                IndexBodies.mappings(SearchIndex.DOCUMENTS)))
        .isEmpty();
    assertThat(
            unmapped(
                Json.mapper().valueToTree(indexed.qa().get(0)),
                IndexBodies.mappings(SearchIndex.QA)))
        .isEmpty();
  }

  @Test
  void idsNamesAndNumbersAreKeywordsDatesAreDatesMinistriesAlsoText() {
    JsonNode qa = IndexBodies.mappings(SearchIndex.QA).get("properties");

    assertThat(qa.at("/documentId/type").asText()).isEqualTo("keyword");
    assertThat(qa.at("/questionNumbers/type").asText()).isEqualTo("keyword");
    assertThat(qa.at("/parties/type").asText()).isEqualTo("keyword");
    assertThat(qa.at("/askedBy/type").asText()).isEqualTo("keyword");
    assertThat(qa.at("/addressedTo/type").asText()).isEqualTo("keyword");
    assertThat(qa.at("/addressedTo/fields/text/analyzer").asText()).isEqualTo("kamerstukken_text");
    assertThat(qa.at("/submittedDate/type").asText()).isEqualTo("date");
    assertThat(qa.at("/questionText/analyzer").asText()).isEqualTo("kamerstukken_text");
    assertThat(qa.at("/answerText/fields/exact/analyzer").asText()).isEqualTo("kamerstukken_exact");
    assertThat(IndexBodies.mappings(SearchIndex.QA).get("dynamic").asText()).isEqualTo("strict");
  }

  @Test
  void theTextAnalyzerIsDutchWhereAvailableElseStandardWithDutchStopWords() {
    assertThat(Analysis.DUTCH.settings().at("/analyzer/kamerstukken_text/type").asText())
        .isEqualTo("dutch");

    ObjectNode fallback = Analysis.FALLBACK.settings();
    assertThat(fallback.at("/analyzer/kamerstukken_text/tokenizer").asText()).isEqualTo("standard");
    assertThat(fallback.at("/analyzer/kamerstukken_text/filter").toString())
        .isEqualTo("[\"lowercase\",\"kamerstukken_dutch_stop\"]");
    assertThat(fallback.at("/filter/kamerstukken_dutch_stop/stopwords").asText())
        .isEqualTo("_dutch_");
    assertThat(fallback.at("/analyzer/kamerstukken_exact/filter").toString())
        .isEqualTo("[\"lowercase\"]");
  }

  @Test
  void hunspellStemsWithTheDutchDictionaryAfterTheStopWords() {
    ObjectNode hunspell = Analysis.HUNSPELL.settings();

    assertThat(hunspell.at("/analyzer/kamerstukken_text/filter").toString())
        .isEqualTo("[\"lowercase\",\"kamerstukken_dutch_stop\",\"kamerstukken_dutch_hunspell\"]");
    assertThat(hunspell.at("/filter/kamerstukken_dutch_hunspell/type").asText())
        .isEqualTo("hunspell");
    assertThat(hunspell.at("/filter/kamerstukken_dutch_hunspell/locale").asText())
        .isEqualTo("nl_NL");
  }

  @Test
  void theMetadataIsCopiedIntoOneSearchableTextField() {
    JsonNode common = IndexBodies.mappings(SearchIndex.QA).get("properties");

    for (String field :
        new String[] {"askedBy", "parties", "addressedTo", "answeredBy", "ministry", "committee"}) {
      assertThat(common.at("/" + field + "/copy_to").asText()).as(field).isEqualTo("metadataText");
    }
    assertThat(common.at("/metadataText/analyzer").asText()).isEqualTo("kamerstukken_exact");
    assertThat(common.at("/questionPages/type").asText()).isEqualTo("integer");
    assertThat(common.at("/references/properties/identifier/type").asText()).isEqualTo("keyword");
  }

  @Test
  void theTemplateCoversEveryVersionOfTheIndexUnderThePrefix() {
    IndexNames names = new IndexNames("it-42-");

    ObjectNode template = IndexBodies.template(names, SearchIndex.QA, Analysis.FALLBACK, 0);

    assertThat(names.alias(SearchIndex.QA)).isEqualTo("it-42-kamerstukken-qa");
    assertThat(names.concreteIndex(SearchIndex.QA, 1)).isEqualTo("it-42-kamerstukken-qa-v1");
    assertThat(template.at("/index_patterns/0").asText()).isEqualTo("it-42-kamerstukken-qa-v*");
    assertThat(template.at("/template/settings/number_of_replicas").asInt()).isZero();
    assertThat(template.at("/template/mappings/properties/answerText/type").asText())
        .isEqualTo("text");
  }

  /** Paths of fields in {@code document} that have no mapping. */
  private static List<String> unmapped(JsonNode document, JsonNode mapping) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : document.properties()) {
      JsonNode mapped = mapping.get("properties").get(field.getKey());
      if (mapped == null) {
        missing.add(field.getKey());
      } else if (field.getValue().isObject()) {
        unmapped(field.getValue(), mapped)
            .forEach(inner -> missing.add(field.getKey() + "." + inner));
      }
    }
    return missing;
  }
}
