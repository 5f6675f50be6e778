package nl.kamerstukken.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the local-stack build put the Elasticsearch distribution and the S3Proxy jar (recorded in
 * {@code local-stack.properties} by resource filtering), unless an environment variable names
 * another place.
 */
public record BuildLayout(Path elasticsearchHome, Path s3proxyJar) {

  static final String ES_HOME_ENV = "KAMERSTUKKEN_ES_HOME";
  static final String S3PROXY_JAR_ENV = "KAMERSTUKKEN_S3PROXY_JAR";
  private static final String RESOURCE = "local-stack.properties";

  /**
   * As the build recorded it, overridden by {@code KAMERSTUKKEN_ES_HOME} and {@code
   * KAMERSTUKKEN_S3PROXY_JAR}.
   */
  public static BuildLayout resolve(Map<String, String> env) {
    Properties recorded = recorded();
    return new BuildLayout(
        Path.of(choose(env.get(ES_HOME_ENV), recorded.getProperty("elasticsearch.home"))),
        Path.of(choose(env.get(S3PROXY_JAR_ENV), recorded.getProperty("s3proxy.jar"))));
  }

  private static String choose(String fromEnv, String fromBuild) {
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fromBuild;
  }

  private static Properties recorded() {
    Properties props = new Properties();
    try (InputStream in = BuildLayout.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "Resource " + RESOURCE + " is missing from the local-stack jar: rebuild it");
      }
      props.load(in);
      return props;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + RESOURCE, e);
    }
  }
}
