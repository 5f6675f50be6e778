package nl.kamerstukken.index.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import nl.kamerstukken.index.config.ElasticsearchSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the local distribution (integ-test zip, no analysis-common, so no {@code dutch} analyzer) the
 * fallback is chosen and works: stop words dropped, phrases exact, but no stemming.
 */
@ExtendWith(LocalStackExtension.class)
class FallbackAnalysisIT {

  @Test
  void withoutTheDutchAnalyzerTheFallbackIsChosenAndFindsExactWordsOnly(LocalStack stack)
      throws Exception {
    try (ElasticsearchClient client =
        ElasticsearchClients.create(
            new ElasticsearchSettings(URI.create(stack.elasticsearchUrl()), null, null, null))) {
      // Given the local distribution, which lacks the dutch analyzer
      IndexSetup setup = new IndexSetup(client, new IndexNames("probe-"));
      Assumptions.assumeTrue(
          setup.probeAnalysis() == Analysis.FALLBACK,
          "this cluster has the dutch analyzer: DutchAnalysisContainerIT covers it");
      AnalysisCheck check = new AnalysisCheck(client);
      try {
        // When the indices are set up and a singular and a plural are indexed
        Analysis analysis = check.indexSingularAndPlural();

        // Then the fallback was chosen, a word finds only its own form, and stop words and phrases
        // work
        assertThat(analysis).isEqualTo(Analysis.FALLBACK);
        assertThat(check.total("wachtlijst")).isEqualTo(1);
        assertThat(check.total("wachtlijsten")).isEqualTo(1);
        check.assertStopWordsAndPhrases();
      } finally {
        check.cleanUp();
      }
    }
  }
}
