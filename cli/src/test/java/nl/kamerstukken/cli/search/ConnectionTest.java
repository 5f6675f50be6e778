package nl.kamerstukken.cli.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.kamerstukken.index.api.IndexClient;
import nl.kamerstukken.kit.config.ConfigException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConnectionTest {

  @Test
  void optionsWinOverTheEnvironmentWhichWinsOverTheDefaults() {
    SearchCommand command = new SearchCommand();
    new CommandLine(command)
        .parseArgs("wachttijden", "--elasticsearch-url", "http://es:9200", "--alias-prefix", "t-");

    IndexClient config =
        command.connection.open(
            Map.of(
                "ELASTICSEARCH_URL",
                "http://other:9200",
                "INDEX_ELASTICSEARCH_URL",
                "http://also-other:9200",
                "KAFKA_BOOTSTRAP_SERVERS",
                "kafka:9092",
                "KAFKA_TOPIC_PREFIX",
                "p."));

    assertThat(config.elasticsearchUrl().toString()).isEqualTo("http://es:9200");
    assertThat(config.aliasPrefix()).isEqualTo("t-");
    assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(config.kafka().topicPrefix()).isEqualTo("p.");
  }

  @Test
  void withoutOptionsOrEnvironmentTheLocalStackOfUpIsUsed() {
    ReindexCommand command = new ReindexCommand();
    new CommandLine(command).parseArgs();

    IndexClient config = command.connection.open(Map.of());

    assertThat(config.elasticsearchUrl().toString()).isEqualTo("http://127.0.0.1:9200");
    assertThat(config.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.aliasPrefix()).isEmpty();
  }

  @Test
  void aBadValueIsRefusedNamingTheVariable() {
    ReparseCommand command = new ReparseCommand();
    new CommandLine(command).parseArgs("--alias-prefix", "Capitals");

    assertThatThrownBy(() -> command.connection.open(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ALIAS_PREFIX");
  }
}
