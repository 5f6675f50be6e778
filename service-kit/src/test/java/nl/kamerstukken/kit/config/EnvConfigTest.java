package nl.kamerstukken.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvConfigTest {

  @Test
  void defaultsApplyWhenNothingIsSet() {
    EnvConfig env = EnvConfig.of("PARSE_", Map.of());

    assertThat(env.integer("MAX_POLL_RECORDS", 4, 1, 1000)).isEqualTo(4);
    assertThat(env.duration("TIMEOUT", Duration.ofSeconds(30))).hasSeconds(30);
    assertThat(env.path("INBOX", Path.of("inbox"))).isEqualTo(Path.of("inbox"));
    env.validate();
  }

  @Test
  void prefixedValueWinsOverTheSharedOne() {
    EnvConfig env =
        EnvConfig.of(
            "INDEX_",
            Map.of("KAFKA_BOOTSTRAP_SERVERS", "a:1", "INDEX_KAFKA_BOOTSTRAP_SERVERS", "b:2"));

    assertThat(env.sharedString("KAFKA_BOOTSTRAP_SERVERS", "x")).isEqualTo("b:2");
    assertThat(
            EnvConfig.of("PARSE_", Map.of("KAFKA_BOOTSTRAP_SERVERS", "a:1"))
                .sharedString("KAFKA_BOOTSTRAP_SERVERS", "x"))
        .isEqualTo("a:1");
  }

  @Test
  void durationsReadInTheFormsPeopleWrite() {
    assertThat(EnvConfig.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(EnvConfig.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(EnvConfig.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(EnvConfig.parseDuration("PT1M")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void everyBadVariableIsNamedAtOnce() {
    EnvConfig env =
        EnvConfig.of(
            "INGEST_",
            Map.of(
                "INGEST_HTTP_PORT", "70000", "INGEST_SETTLE_TIME", "soon", "INGEST_OCR", "maybe"));

    env.integer("HTTP_PORT", 8081, 0, 65535);
    env.duration("SETTLE_TIME", Duration.ofSeconds(1));
    env.bool("OCR", true);

    assertThatThrownBy(env::validate)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INGEST_HTTP_PORT=70000: must be between 0 and 65535")
        .hasMessageContaining("INGEST_SETTLE_TIME=soon: expected a duration")
        .hasMessageContaining("INGEST_OCR=maybe: expected true or false");
  }

  @Test
  void passThroughTurnsVariableNamesIntoClientProperties() {
    EnvConfig env =
        EnvConfig.of(
            "PARSE_",
            Map.of(
                "KAFKA_PROPERTY_SECURITY_PROTOCOL", "SASL_SSL",
                "PARSE_KAFKA_PROPERTY_SASL_MECHANISM", "PLAIN",
                "KAFKA_BOOTSTRAP_SERVERS", "ignored:1"));

    assertThat(env.passThrough("KAFKA_PROPERTY"))
        .containsOnly(
            Map.entry("security.protocol", "SASL_SSL"), Map.entry("sasl.mechanism", "PLAIN"));
  }

  @Test
  void sizesReadWithTheirUnits() {
    EnvConfig env =
        EnvConfig.of("PARSE_", Map.of("PARSE_A", "200MB", "PARSE_B", "512 kb", "PARSE_C", "7"));

    assertThat(env.size("A", 1, 1)).isEqualTo(200L * 1024 * 1024);
    assertThat(env.size("B", 1, 1)).isEqualTo(512L * 1024);
    assertThat(env.size("C", 1, 1)).isEqualTo(7);
    assertThat(env.size("UNSET", 42, 1)).isEqualTo(42);
    env.validate();
  }

  @Test
  void numbersTooLargeForTheirTypeAreRefusedByNameNeverOverflowOrCrash() {
    EnvConfig env =
        EnvConfig.of(
            "PARSE_",
            Map.of(
                "PARSE_MAX_FILE_SIZE", "99999999999999999999",
                "PARSE_HEAP", "9999999999GB",
                "PARSE_THREADS", "99999999999",
                "PARSE_LIMIT", "99999999999999999999",
                "PARSE_TIMEOUT", "9999999999999999h"));

    assertThat(env.size("MAX_FILE_SIZE", 100, 1)).isEqualTo(100);
    assertThat(env.size("HEAP", 100, 1)).isEqualTo(100);
    env.integer("THREADS", 2, 1, 64);
    env.longValue("LIMIT", 5, 1);
    env.duration("TIMEOUT", Duration.ofSeconds(1));

    assertThatThrownBy(env::validate)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PARSE_MAX_FILE_SIZE=99999999999999999999: expected a size")
        .hasMessageContaining("too large")
        .hasMessageContaining("PARSE_HEAP=9999999999GB: too large")
        .hasMessageContaining("PARSE_THREADS=99999999999")
        .hasMessageContaining("PARSE_LIMIT=99999999999999999999")
        .hasMessageContaining("PARSE_TIMEOUT=9999999999999999h: too large");
  }
}
