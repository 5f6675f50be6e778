package nl.kamerstukken.localstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What {@link LocalStack#start} starts and where. Files of every started service live under {@code
 * dataDir} ({@code kafka/}, {@code elasticsearch/}, {@code s3/}); a port of 0 means a free port
 * chosen at start and kept across restarts. {@code externalKafka} (bootstrap servers) and {@code
 * externalElasticsearch} (URL) are used instead of starting that service when not null.
 */
public record LocalStackConfig(
    Path dataDir,
    int kafkaPort,
    int elasticsearchPort,
    String esJavaOpts,
    String externalKafka,
    String externalElasticsearch,
    boolean s3,
    Duration startTimeout) {

  public static final String DEFAULT_ES_JAVA_OPTS = "-Xms512m -Xmx512m";
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern BOOTSTRAP =
      Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");

  public LocalStackConfig {
    if (dataDir == null) {
      throw new IllegalArgumentException(
          "dataDir must be set: the folder for Kafka, Elasticsearch and S3 files");
    }
    requirePort("kafkaPort", kafkaPort);
    requirePort("elasticsearchPort", elasticsearchPort);
    if (esJavaOpts == null || esJavaOpts.isBlank()) {
      throw new IllegalArgumentException(
          "esJavaOpts must not be blank, e.g. \"" + DEFAULT_ES_JAVA_OPTS + "\"");
    }
    if (externalKafka != null && !BOOTSTRAP.matcher(externalKafka).matches()) {
      throw new IllegalArgumentException(
          "externalKafka must be host:port[,host:port...] or null, was [" + externalKafka + "]");
    }
    externalElasticsearch =
        externalElasticsearch == null ? null : requireUrl(externalElasticsearch);
    if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException(
          "startTimeout must be positive, was [" + startTimeout + "]");
    }
  }

  /** For tests: free ports, nothing external, no S3, data under {@code dataDir}. */
  public static LocalStackConfig forTests(Path dataDir) {
    return new LocalStackConfig(
        dataDir, 0, 0, DEFAULT_ES_JAVA_OPTS, null, null, false, DEFAULT_START_TIMEOUT);
  }

  /**
   * For the launcher: the usual ports 9092 (Kafka) and 9200 (Elasticsearch), nothing external, no
   * S3.
   */
  public static LocalStackConfig defaults(Path dataDir) {
    return new LocalStackConfig(
        dataDir, 9092, 9200, DEFAULT_ES_JAVA_OPTS, null, null, false, DEFAULT_START_TIMEOUT);
  }

  public LocalStackConfig withKafkaPort(int port) {
    return new LocalStackConfig(
        dataDir,
        port,
        elasticsearchPort,
        esJavaOpts,
        externalKafka,
        externalElasticsearch,
        s3,
        startTimeout);
  }

  public LocalStackConfig withElasticsearchPort(int port) {
    return new LocalStackConfig(
        dataDir,
        kafkaPort,
        port,
        esJavaOpts,
        externalKafka,
        externalElasticsearch,
        s3,
        startTimeout);
  }

  public LocalStackConfig withEsJavaOpts(String opts) {
    return new LocalStackConfig(
        dataDir,
        kafkaPort,
        elasticsearchPort,
        opts,
        externalKafka,
        externalElasticsearch,
        s3,
        startTimeout);
  }

  /** Use the Kafka at {@code bootstrapServers} instead of starting one; null starts one. */
  public LocalStackConfig withExternalKafka(String bootstrapServers) {
    return new LocalStackConfig(
        dataDir,
        kafkaPort,
        elasticsearchPort,
        esJavaOpts,
        bootstrapServers,
        externalElasticsearch,
        s3,
        startTimeout);
  }

  /** Use the Elasticsearch at {@code url} instead of starting one; null starts one. */
  public LocalStackConfig withExternalElasticsearch(String url) {
    return new LocalStackConfig(
        dataDir, kafkaPort, elasticsearchPort, esJavaOpts, externalKafka, url, s3, startTimeout);
  }

  public LocalStackConfig withS3(boolean enabled) {
    return new LocalStackConfig(
        dataDir,
        kafkaPort,
        elasticsearchPort,
        esJavaOpts,
        externalKafka,
        externalElasticsearch,
        enabled,
        startTimeout);
  }

  public LocalStackConfig withStartTimeout(Duration timeout) {
    return new LocalStackConfig(
        dataDir,
        kafkaPort,
        elasticsearchPort,
        esJavaOpts,
        externalKafka,
        externalElasticsearch,
        s3,
        timeout);
  }

  private static void requirePort(String field, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          field + " must be 0 (a free port) or 1..65535, was [" + port + "]");
    }
  }

  private static String requireUrl(String url) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "externalElasticsearch must be an http(s) URL such as "
                + "http://localhost:9200, was ["
                + url
                + "]");
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("externalElasticsearch is not a URL: [" + url + "]", e);
    }
  }
}
