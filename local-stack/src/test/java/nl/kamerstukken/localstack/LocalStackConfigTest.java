package nl.kamerstukken.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

  private static final Path DIR = Path.of("/tmp/stack");

  @Test
  void testsGetFreePortsAndNothingExternal() {
    // When
    LocalStackConfig config = LocalStackConfig.forTests(DIR);

    // Then
    assertThat(config.kafkaPort()).isZero();
    assertThat(config.elasticsearchPort()).isZero();
    assertThat(config.externalKafka()).isNull();
    assertThat(config.externalElasticsearch()).isNull();
    assertThat(config.s3()).isFalse();
    assertThat(config.esJavaOpts()).isEqualTo("-Xms512m -Xmx512m");
    assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void launcherDefaultsUseTheUsualPorts() {
    // When
    LocalStackConfig config = LocalStackConfig.defaults(DIR);

    // Then
    assertThat(config.kafkaPort()).isEqualTo(9092);
    assertThat(config.elasticsearchPort()).isEqualTo(9200);
  }

  @Test
  void portOutOfRangeIsRejectedNamingTheField() {
    // Given
    LocalStackConfig config = LocalStackConfig.forTests(DIR);

    // When / Then
    assertThatThrownBy(() -> config.withKafkaPort(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafkaPort")
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> config.withElasticsearchPort(-1))
        .hasMessageContaining("elasticsearchPort");
  }

  @Test
  void externalKafkaMustBeHostAndPortList() {
    // Given
    LocalStackConfig config = LocalStackConfig.forTests(DIR);

    // When / Then
    assertThat(config.withExternalKafka("kafka-1:9092,kafka-2:9093").externalKafka())
        .isEqualTo("kafka-1:9092,kafka-2:9093");
    assertThatThrownBy(() -> config.withExternalKafka("http://localhost:9092"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("externalKafka")
        .hasMessageContaining("host:port");
  }

  @Test
  void externalElasticsearchMustBeAnHttpUrlAndLosesItsTrailingSlash() {
    // Given
    LocalStackConfig config = LocalStackConfig.forTests(DIR);

    // When / Then
    assertThat(config.withExternalElasticsearch("http://localhost:9200/").externalElasticsearch())
        .isEqualTo("http://localhost:9200");
    assertThatThrownBy(() -> config.withExternalElasticsearch("localhost:9200"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("externalElasticsearch");
  }

  @Test
  void missingDataDirBlankJavaOptsAndNonPositiveTimeoutAreRejected() {
    assertThatThrownBy(() -> LocalStackConfig.forTests(null)).hasMessageContaining("dataDir");
    assertThatThrownBy(() -> LocalStackConfig.forTests(DIR).withEsJavaOpts(" "))
        .hasMessageContaining("esJavaOpts");
    assertThatThrownBy(() -> LocalStackConfig.forTests(DIR).withStartTimeout(Duration.ZERO))
        .hasMessageContaining("startTimeout");
  }
}
