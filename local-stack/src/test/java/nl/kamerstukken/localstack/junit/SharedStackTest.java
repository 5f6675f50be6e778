package nl.kamerstukken.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.kamerstukken.localstack.LocalStackConfig;
import org.junit.jupiter.api.Test;

class SharedStackTest {

  private static final Path DIR = Path.of("/tmp/stack");

  @Test
  void environmentNamesExistingServicesToUseInsteadOfStartingThem() {
    // When
    LocalStackConfig config = SharedStack.config(DIR, " kafka:9092 ", "http://search:9200/", true);

    // Then
    assertThat(config.externalKafka()).isEqualTo("kafka:9092");
    assertThat(config.externalElasticsearch()).isEqualTo("http://search:9200");
    assertThat(config.s3()).isTrue();
    assertThat(config.kafkaPort()).isZero();
  }

  @Test
  void unsetOrBlankVariablesStartEverything() {
    // When
    LocalStackConfig config = SharedStack.config(DIR, null, "  ", false);

    // Then
    assertThat(config.externalKafka()).isNull();
    assertThat(config.externalElasticsearch()).isNull();
    assertThat(config.s3()).isFalse();
  }
}
