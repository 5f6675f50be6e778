package nl.kamerstukken.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchLaunchTest {

  private final ElasticsearchLaunch launch =
      new ElasticsearchLaunch(
          Path.of("/es"),
          Path.of("/data/elasticsearch"),
          Path.of("/jdk25"),
          19200,
          "-Xms256m -Xmx256m");

  @Test
  void commandStartsASingleLoopbackNodeWithoutSecurityOnTheInstanceFolders() {
    // When
    List<String> command = launch.command();

    // Then
    assertThat(command.get(0)).isEqualTo("/es/bin/elasticsearch");
    assertThat(command)
        .containsSubsequence("-E", "discovery.type=single-node")
        .containsSubsequence("-E", "xpack.security.enabled=false")
        .containsSubsequence("-E", "network.host=127.0.0.1")
        .containsSubsequence("-E", "http.port=19200")
        .containsSubsequence("-E", "path.data=/data/elasticsearch/data")
        .containsSubsequence("-E", "path.logs=/data/elasticsearch/logs")
        .containsSubsequence("-E", "cluster.routing.allocation.disk.threshold_enabled=false")
        .containsSubsequence("-p", "/data/elasticsearch/elasticsearch.pid");
  }

  @Test
  void aSecuredNodeAuthenticatesAndAuthorizesOnLoopbackWithoutTls() {
    ElasticsearchLaunch secured =
        new ElasticsearchLaunch(
            Path.of("/es"),
            Path.of("/data/elasticsearch"),
            Path.of("/jdk25"),
            19200,
            "-Xms256m -Xmx256m",
            new ElasticsearchSecurity("admin", "admin-secret"));

    assertThat(secured.command())
        .containsSubsequence("-E", "xpack.security.enabled=true")
        .containsSubsequence("-E", "xpack.security.http.ssl.enabled=false")
        .containsSubsequence("-E", "network.host=127.0.0.1");
    assertThat(secured.security().authorization()).isEqualTo("Basic YWRtaW46YWRtaW4tc2VjcmV0");
  }

  @Test
  void environmentPointsAtTheJdkAndInstanceConfigAndDropsForeignJavaOptions() {
    // Given
    Map<String, String> env =
        new HashMap<>(Map.of("JAVA_HOME", "/jdk17", "JAVA_TOOL_OPTIONS", "-Dx=y", "PATH", "/bin"));

    // When
    launch.applyEnvironment(env);

    // Then
    assertThat(env)
        .containsEntry("ES_JAVA_HOME", "/jdk25")
        .containsEntry("ES_PATH_CONF", "/data/elasticsearch/config")
        .containsEntry("ES_TMPDIR", "/data/elasticsearch/tmp")
        .containsEntry("ES_JAVA_OPTS", "-Xms256m -Xmx256m")
        .containsEntry("CLI_JAVA_OPTS", "-Djava.io.tmpdir=/data/elasticsearch/tmp")
        .containsEntry("PATH", "/bin")
        .doesNotContainKeys("JAVA_HOME", "JAVA_TOOL_OPTIONS");
  }
}
