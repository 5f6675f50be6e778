package nl.kamerstukken.assemble.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import nl.kamerstukken.kit.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

  @Test
  void commitsEveryTwentyMillisecondsAndPollsHalfAsLongByDefault() {
    Properties properties = StreamsProperties.of(AssembleConfig.load(Map.of()));

    assertThat(properties)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20L)
        .containsEntry(StreamsConfig.POLL_MS_CONFIG, 10L);
  }

  @Test
  void commitIntervalComesFromTheEnvironment() {
    Properties properties =
        StreamsProperties.of(AssembleConfig.load(Map.of("ASSEMBLE_COMMIT_INTERVAL", "250ms")));

    assertThat(properties)
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250L)
        .containsEntry(StreamsConfig.POLL_MS_CONFIG, 125L);
  }

  @Test
  void aZeroCommitIntervalIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> AssembleConfig.load(Map.of("ASSEMBLE_COMMIT_INTERVAL", "0ms")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ASSEMBLE_COMMIT_INTERVAL");
  }
}
