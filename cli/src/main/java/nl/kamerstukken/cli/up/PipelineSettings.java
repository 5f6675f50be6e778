package nl.kamerstukken.cli.up;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the three services find their infrastructure and folders.
 *
 * @param home the repository (holds {@code <service>/target/<service>.jar})
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param elasticsearchUrl Elasticsearch base URL
 * @param inbox the watched folder
 * @param dataDir blobs and ingest state live under it
 * @param topicPrefix namespace for topics (empty for users; unique per test)
 * @param aliasPrefix namespace for Elasticsearch aliases (empty for users; unique per test)
 * @param logDir where each service's output goes ({@code <name>.log}); null = this console
 * @param httpPorts ports of /health for ingest, parse, assemble, index
 */
public record PipelineSettings(
    Path home,
    String kafkaBootstrap,
    String elasticsearchUrl,
    Path inbox,
    Path dataDir,
    String topicPrefix,
    String aliasPrefix,
    Path logDir,
    Map<String, Integer> httpPorts) {

  public static final String INGEST = "ingest-service";
  public static final String PARSE = "parse-service";
  public static final String INDEX = "index-service";
  public static final String ASSEMBLE = "assemble-service";

  public PipelineSettings {
    httpPorts = Map.copyOf(httpPorts);
  }

  public Path jar(String service) {
    return home.resolve(service).resolve("target").resolve(service + ".jar");
  }

  /**
   * Where the services keep the JDK's ahead-of-time caches of their jars: {@code
   * KAMERSTUKKEN_AOT_DIR}, none when that is {@code off}, else {@code target/aot} of the repository
   * (so {@code ./mvnw clean} removes them with the jars they were trained on).
   */
  public Path aotCacheDir() {
    String fromEnv = System.getenv("KAMERSTUKKEN_AOT_DIR");
    if ("off".equals(fromEnv)) {
      return null;
    }
    return fromEnv == null || fromEnv.isBlank()
        ? home.resolve("target").resolve("aot")
        : Path.of(fromEnv).toAbsolutePath();
  }

  /**
   * The repository: {@code KAMERSTUKKEN_HOME} (set by the launcher script), else the nearest folder
   * upwards from the working directory that holds the service modules.
   */
  public static Path locateHome() {
    String fromEnv = System.getenv("KAMERSTUKKEN_HOME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(INGEST)) && Files.isDirectory(dir.resolve(INDEX))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the kamerstukken repository: run ./kamerstukken from it or set KAMERSTUKKEN_HOME");
  }
}
