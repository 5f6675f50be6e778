package nl.kamerstukken.index.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kamerstukken.model.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kibana saved objects in {@code kibana/saved-objects.ndjson} (imported by docker-compose) are
 * valid NDJSON, reference only objects of the file, and use only fields the Q&A mapping has.
 */
class KibanaSavedObjectsTest {

  private static final Path FILE = Path.of("..", "kibana", "saved-objects.ndjson");
  private static final Map<String, JsonNode> OBJECTS = new HashMap<>();

  @BeforeAll
  static void readTheFile() throws IOException {
    assertThat(FILE).as("the saved objects beside the modules").exists();
    for (String line : Files.readAllLines(FILE)) {
      if (!line.isBlank()) {
        JsonNode object = Json.mapper().readTree(line);
        OBJECTS.put(object.get("type").asText() + ":" + object.get("id").asText(), object);
      }
    }
  }

  @Test
  void thereAreDataViewsForBothAliasesASavedSearchAndADashboard() {
    assertThat(OBJECTS.keySet())
        .contains(
            "index-pattern:kamerstukken-documents",
            "index-pattern:kamerstukken-qa",
            "search:kamerstukken-qa-newest",
            "dashboard:kamerstukken-dashboard");
    assertThat(OBJECTS.get("index-pattern:kamerstukken-qa").at("/attributes/title").asText())
        .isEqualTo(new IndexNames("").alias(SearchIndex.QA));
    assertThat(OBJECTS.get("index-pattern:kamerstukken-documents").at("/attributes/title").asText())
        .isEqualTo(new IndexNames("").alias(SearchIndex.DOCUMENTS));
  }

  @Test
  void everyReferenceNamesAnObjectOfTheFileOfTheRightType() {
    for (JsonNode object : OBJECTS.values()) {
      for (JsonNode reference : object.get("references")) {
        assertThat(OBJECTS)
            .as("reference %s of %s", reference, object.get("id"))
            .containsKey(reference.get("type").asText() + ":" + reference.get("id").asText());
      }
    }
  }

  @Test
  void theDashboardShowsQuestionsPerMinistryAndPerMonthAndEveryPanelIsReferenced()
      throws IOException {
    JsonNode dashboard = OBJECTS.get("dashboard:kamerstukken-dashboard");
    JsonNode panels = Json.mapper().readTree(dashboard.at("/attributes/panelsJSON").asText());
    Set<String> referenceNames = new HashSet<>();
    dashboard.get("references").forEach(r -> referenceNames.add(r.get("name").asText()));
    List<String> shown = new ArrayList<>();
    for (JsonNode panel : panels) {
      String name = panel.get("panelIndex").asText() + ":" + panel.get("panelRefName").asText();
      assertThat(referenceNames).as("panel %s has a reference", name).contains(name);
      dashboard
          .get("references")
          .forEach(
              r -> {
                if (r.get("name").asText().equals(name)) {
                  shown.add(r.get("type").asText() + ":" + r.get("id").asText());
                }
              });
    }
    assertThat(shown)
        .containsExactlyInAnyOrder(
            "lens:kamerstukken-qa-per-ministry",
            "lens:kamerstukken-qa-per-month",
            "search:kamerstukken-qa-newest");
    assertThat(columns(OBJECTS.get("lens:kamerstukken-qa-per-ministry")))
        .anySatisfy(c -> assertThat(c.get("sourceField").asText()).isEqualTo("ministry"));
    assertThat(columns(OBJECTS.get("lens:kamerstukken-qa-per-month")))
        .anySatisfy(
            c -> {
              assertThat(c.get("operationType").asText()).isEqualTo("date_histogram");
              assertThat(c.at("/params/interval").asText()).isEqualTo("M");
            });
  }

  @Test
  void everyFieldTheObjectsUseIsInTheQaMapping() throws IOException {
    JsonNode properties = IndexBodies.mappings(SearchIndex.QA).get("properties");
    List<String> fields = new ArrayList<>();
    fields.add(
        OBJECTS.get("index-pattern:kamerstukken-qa").at("/attributes/timeFieldName").asText());
    JsonNode search = OBJECTS.get("search:kamerstukken-qa-newest").get("attributes");
    search.get("columns").forEach(c -> fields.add(c.asText()));
    search.get("sort").forEach(s -> fields.add(s.get(0).asText()));
    for (String lens :
        List.of("lens:kamerstukken-qa-per-ministry", "lens:kamerstukken-qa-per-month")) {
      for (JsonNode column : columns(OBJECTS.get(lens))) {
        if (!"___records___".equals(column.get("sourceField").asText())) {
          fields.add(column.get("sourceField").asText());
        }
      }
    }
    assertThat(fields)
        .isNotEmpty()
        .allSatisfy(
            field -> assertThat(properties.has(field)).as("field %s is mapped", field).isTrue());
  }

  @Test
  void theKamervragenDashboardShowsPerMinistryCasesMedianDaysInTimeAndOverdueOnMappedFields() {
    assertThat(
            OBJECTS.get("index-pattern:kamerstukken-kamervragen").at("/attributes/title").asText())
        .isEqualTo(new IndexNames("").alias(SearchIndex.KAMERVRAGEN));
    assertThat(OBJECTS.get("dashboard:kamerstukken-kamervragen-dashboard").get("references"))
        .anySatisfy(
            r ->
                assertThat(r.get("id").asText())
                    .isEqualTo("kamerstukken-kamervragen-per-ministry"));
    List<JsonNode> columns = columns(OBJECTS.get("lens:kamerstukken-kamervragen-per-ministry"));
    JsonNode properties = IndexBodies.mappings(SearchIndex.KAMERVRAGEN).get("properties");
    assertThat(columns)
        .anySatisfy(c -> assertThat(c.get("sourceField").asText()).isEqualTo("ministry"))
        .anySatisfy(
            c -> {
              assertThat(c.get("operationType").asText()).isEqualTo("median");
              assertThat(c.get("sourceField").asText()).isEqualTo("daysToAnswer");
            })
        .anySatisfy(c -> assertThat(c.at("/filter/query").asText()).contains("daysToAnswer <= 21"))
        .anySatisfy(c -> assertThat(c.at("/filter/query").asText()).contains("postponedInTime"));
    for (JsonNode column : columns) {
      String field = column.get("sourceField").asText();
      if (!"___records___".equals(field)) {
        assertThat(properties.has(field)).as("field %s is mapped", field).isTrue();
      }
    }
  }

  private static List<JsonNode> columns(JsonNode lens) {
    List<JsonNode> columns = new ArrayList<>();
    lens.at("/attributes/state/datasourceStates/formBased/layers")
        .forEach(layer -> layer.get("columns").forEach(columns::add));
    assertThat(columns).isNotEmpty();
    return columns;
  }
}
