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
 * On the Elasticsearch that {@code ./kamerstukken up} starts (the integ-test distribution: no
 * {@code dutch} analyzer; local-stack installs Debian's Dutch Hunspell dictionary), Dutch text is
 * stemmed: the Hunspell analysis is chosen, a singular finds a Kamerstuk that has only the plural
 * forms, and a quoted phrase still matches the text exactly.
 */
@ExtendWith(LocalStackExtension.class)
class DutchStemmingIT {

  @Test
  void theLocalNodeStemsDutchAndSingularsFindPluralOnlyKamerstukken(LocalStack stack)
      throws Exception {
    try (ElasticsearchClient client =
        ElasticsearchClients.create(
            new ElasticsearchSettings(URI.create(stack.elasticsearchUrl()), null, null, null))) {
      // Given the local node, which has the Dutch Hunspell dictionary
      assertThat(new IndexSetup(client, new IndexNames("probe-")).probeAnalysis())
          .as("hunspell-nl installed (apt-get install hunspell-nl) and copied by local-stack")
          .isEqualTo(Analysis.HUNSPELL);
      AnalysisCheck check = new AnalysisCheck(client);
      try {
        // When the indices are set up and singulars and plurals are indexed
        Analysis analysis = check.indexSingularAndPlural();

        // Then Hunspell is used, singulars find the Kamerstuk with only plurals, and phrases are
        // exact
        assertThat(analysis).isEqualTo(Analysis.HUNSPELL);
        check.assertSingularsFindPlurals();
        assertThat(check.best("sancties")).isEqualTo("kst-1-3");
        check.assertStopWordsAndPhrases();
      } finally {
        check.cleanUp();
      }
    }
  }
}
