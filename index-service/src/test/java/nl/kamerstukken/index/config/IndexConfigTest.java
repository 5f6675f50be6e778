package nl.kamerstukken.index.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.kamerstukken.kit.config.ConfigException;
import org.junit.jupiter.api.Test;

class IndexConfigTest {

  @Test
  void defaultsWhenNothingIsSet() {
    IndexConfig config = IndexConfig.load(Map.of());

    assertThat(config.elasticsearch().url()).hasToString("http://127.0.0.1:9200");
    assertThat(config.aliasPrefix()).isEmpty();
    assertThat(config.bulk().maxActions()).isEqualTo(500);
    assertThat(config.bulk().maxBytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(config.maxPollRecords()).isEqualTo(200);
    assertThat(config.httpPort()).isEqualTo(8083);
    assertThat(config.kafka().clientId()).isEqualTo("index-service");
  }

  @Test
  void theSharedElasticsearchUrlIsAcceptedAndTheOwnWins() {
    assertThat(
            IndexConfig.load(Map.of("ELASTICSEARCH_URL", "http://es:9200")).elasticsearch().url())
        .hasToString("http://es:9200");
    assertThat(
            IndexConfig.load(
                    Map.of(
                        "ELASTICSEARCH_URL",
                        "http://es:9200",
                        "INDEX_ELASTICSEARCH_URL",
                        "https://mine:9243"))
                .elasticsearch()
                .url())
        .hasToString("https://mine:9243");
  }

  @Test
  void credentialsAreNeverShown() {
    IndexConfig config =
        IndexConfig.load(
            Map.of(
                "INDEX_ELASTICSEARCH_USERNAME",
                "indexer",
                "INDEX_ELASTICSEARCH_PASSWORD",
                "s3cret-pw"));
    IndexConfig keyed = IndexConfig.load(Map.of("INDEX_ELASTICSEARCH_API_KEY", "c2VjcmV0LWtleQ=="));

    assertThat(config.toString()).doesNotContain("s3cret-pw").contains("indexer");
    assertThat(keyed.toString()).doesNotContain("c2VjcmV0LWtleQ==").contains("api-key");
  }

  @Test
  void everyBadVariableIsNamed() {
    Map<String, String> env =
        Map.of(
            "INDEX_ELASTICSEARCH_URL", "es:9200",
            "INDEX_ELASTICSEARCH_USERNAME", "indexer",
            "INDEX_ALIAS_PREFIX", "IT_Upper",
            "INDEX_BULK_MAX_ACTIONS", "0",
            "INDEX_HTTP_PORT", "http");

    assertThatThrownBy(() -> IndexConfig.load(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INDEX_ELASTICSEARCH_URL=es:9200")
        .hasMessageContaining("INDEX_ELASTICSEARCH_PASSWORD")
        .hasMessageContaining("INDEX_ALIAS_PREFIX=IT_Upper")
        .hasMessageContaining("INDEX_BULK_MAX_ACTIONS=0")
        .hasMessageContaining("INDEX_HTTP_PORT=http");
  }

  @Test
  void anApiKeyAndAPasswordTogetherAreRefusedWithoutShowingTheKey() {
    Map<String, String> env =
        Map.of(
            "INDEX_ELASTICSEARCH_USERNAME",
            "u",
            "INDEX_ELASTICSEARCH_PASSWORD",
            "p",
            "INDEX_ELASTICSEARCH_API_KEY",
            "topsecret");

    assertThatThrownBy(() -> IndexConfig.load(env))
        .hasMessageContaining("INDEX_ELASTICSEARCH_API_KEY")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
  }

  @Test
  void aBadAlertKeyIsNamedWithoutShowingItAndTheSettingsNeverPrintTheKey() {
    Map<String, String> bad =
        Map.of("INDEX_ALERT_SECRET_KEY", "too-short-key", "INDEX_ALERT_RETRY_MAX", "10ms");

    assertThatThrownBy(() -> IndexConfig.load(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INDEX_ALERT_SECRET_KEY")
        .hasMessageContaining("INDEX_ALERT_RETRY_MAX")
        .hasMessageNotContaining("too-short-key");
    String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    AlertSettings good = IndexConfig.load(Map.of("INDEX_ALERT_SECRET_KEY", key)).alerts();
    assertThat(good.toString()).doesNotContain(key);
    assertThat(good.maxAttempts()).isEqualTo(10);
  }
}
