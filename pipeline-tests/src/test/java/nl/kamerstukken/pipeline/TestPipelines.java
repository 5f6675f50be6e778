package nl.kamerstukken.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.kamerstukken.cli.up.PipelineSettings;

/**
 * Settings for a pipeline under test on a shared stack: a namespace of its own (topic, consumer
 * group and alias prefixes), free HTTP ports, and its inbox and data under {@code work}.
 */
public final class TestPipelines {

  private TestPipelines() {}

  /**
   * The cli's arguments that point a command ({@code status}, {@code dlq}, ...) at the pipeline of
   * {@code settings}: its Kafka, Elasticsearch, topic and alias prefixes.
   */
  public static List<String> cliConnection(PipelineSettings settings) {
    return List.of(
        "--kafka",
        settings.kafkaBootstrap(),
        "--elasticsearch-url",
        settings.elasticsearchUrl(),
        "--topic-prefix",
        settings.topicPrefix(),
        "--alias-prefix",
        settings.aliasPrefix());
  }

  /**
   * The {@code --http-ports} value for {@code status}: the ports of the services {@code settings}
   * has, in the order the command takes them (ingest, parse, index, assemble).
   */
  public static String statusPorts(PipelineSettings settings) {
    return Stream.of(
            PipelineSettings.INGEST,
            PipelineSettings.PARSE,
            PipelineSettings.INDEX,
            PipelineSettings.ASSEMBLE)
        .filter(settings.httpPorts()::containsKey)
        .map(service -> String.valueOf(settings.httpPorts().get(service)))
        .collect(Collectors.joining(","));
  }

  /** A unique namespace such as {@code life-1a2b3c4d}. */
  public static String namespace(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Watching {@code work/inbox} (created), data in {@code work/data}, service logs in {@code
   * logDir}.
   */
  public static PipelineSettings settings(
      String kafka, String elasticsearchUrl, Path work, String namespace, Path logDir)
      throws IOException {
    return settings(
        kafka,
        elasticsearchUrl,
        Files.createDirectories(work.resolve("inbox")),
        work,
        namespace,
        logDir);
  }

  /** As {@link #settings(String, String, Path, String, Path)} with another inbox. */
  public static PipelineSettings settings(
      String kafka, String elasticsearchUrl, Path inbox, Path work, String namespace, Path logDir) {
    return new PipelineSettings(
        PipelineSettings.locateHome(),
        kafka,
        elasticsearchUrl,
        inbox,
        work.resolve("data"),
        namespace + ".",
        namespace + "-",
        logDir,
        Map.of(
            PipelineSettings.INGEST,
            freePort(),
            PipelineSettings.PARSE,
            freePort(),
            PipelineSettings.INDEX,
            freePort(),
            PipelineSettings.ASSEMBLE,
            freePort()));
  }

  /** A port nothing listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
