package nl.kamerstukken.index.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.time.Duration;
import nl.kamerstukken.index.config.ElasticsearchSettings;
import org.junit.jupiter.api.Test;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * On the official Elasticsearch image (which has analysis-common) the {@code dutch} analyzer is
 * chosen and stems: the singular finds the plural and back. Needs a Docker engine; skipped cleanly
 * without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class DutchAnalysisContainerIT {

  @Container
  private static final ElasticsearchContainer ELASTICSEARCH =
      new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:9.2.8")
          .withEnv("xpack.security.enabled", "false")
          .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
          .withStartupTimeout(Duration.ofMinutes(3));

  @Test
  void withTheDutchAnalyzerItIsChosenAndInflectedFormsFindEachOther() throws Exception {
    try (ElasticsearchClient client =
        ElasticsearchClients.create(
            new ElasticsearchSettings(
                URI.create("http://" + ELASTICSEARCH.getHttpHostAddress()), null, null, null))) {
      AnalysisCheck check = new AnalysisCheck(client);
      try {
        // When the indices are set up on a cluster with the dutch analyzer, and a singular and a
        // plural are indexed
        Analysis analysis = check.indexSingularAndPlural();

        // Then dutch was chosen, each form finds both, and stop words and phrases work as with the
        // fallback
        assertThat(analysis).isEqualTo(Analysis.DUTCH);
        assertThat(new IndexSetup(client, new IndexNames("probe-")).probeAnalysis())
            .isEqualTo(Analysis.DUTCH);
        check.assertSingularsFindPlurals();
        check.assertStopWordsAndPhrases();
      } finally {
        check.cleanUp();
      }
    }
  }
}
