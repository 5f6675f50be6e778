package nl.kamerstukken.index.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import nl.kamerstukken.index.config.ElasticsearchSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fallback analysis (what a cluster without {@code dutch} and without the Dutch Hunspell
 * dictionary gets), pinned on the local node, which has the dictionary: stop words dropped, phrases
 * exact, no stemming, and still a singular finds the plural through the query's word forms.
 */
@ExtendWith(LocalStackExtension.class)
class FallbackAnalysisIT {

  @Test
  void theFallbackDoesNotStemButTheQueryStillFindsPluralsStopWordsAndPhrases(LocalStack stack)
      throws Exception {
    try (ElasticsearchClient client =
        ElasticsearchClients.create(
            new ElasticsearchSettings(URI.create(stack.elasticsearchUrl()), null, null, null))) {
      // Given indices made with the fallback analysis
      AnalysisCheck check = new AnalysisCheck(client, Analysis.FALLBACK);
      try {
        // When a singular and a plural are indexed
        Analysis analysis = check.indexSingularAndPlural();

        // Then the text is not stemmed, yet singulars find plurals (the query's word forms), and
        // stop words and phrases work
        assertThat(analysis).isEqualTo(Analysis.FALLBACK);
        check.assertSingularsFindPlurals();
        check.assertStopWordsAndPhrases();
      } finally {
        check.cleanUp();
      }
    }
  }
}
