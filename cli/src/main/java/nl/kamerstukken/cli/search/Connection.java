package nl.kamerstukken.cli.search;

import java.util.HashMap;
import java.util.Map;
import nl.kamerstukken.index.api.IndexClient;
import picocli.CommandLine.Option;

/**
 * Where the search commands find Elasticsearch, Kafka and the blob store: options over the same
 * environment variables the services read ({@code ELASTICSEARCH_URL}, {@code INDEX_ALIAS_PREFIX},
 * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_TOPIC_PREFIX}, {@code KAFKA_PROPERTY_*}, {@code
 * INDEX_BLOB_*}, ...) over the defaults of {@code ./kamerstukken up}.
 */
public final class Connection {

  @Option(
      names = "--elasticsearch-url",
      paramLabel = "URL",
      description = "Elasticsearch (default: $ELASTICSEARCH_URL, else http://127.0.0.1:9200).")
  String elasticsearchUrl;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      description =
          "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092).")
  String kafka;

  @Option(
      names = "--alias-prefix",
      paramLabel = "PREFIX",
      description = "Put before alias names (default: none).")
  String aliasPrefix;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      description = "Put before topic names (default: none).")
  String topicPrefix;

  @Option(
      names = "--blob-dir",
      paramLabel = "DIR",
      description =
          "The blob folder claim checks must lie in (default: $INDEX_BLOB_DIR, else"
              + " .kamerstukken/blobs as for up).")
  String blobDir;

  @Option(
      names = "--blob-bucket",
      paramLabel = "BUCKET",
      description =
          "The blob bucket claim checks must lie in, instead of a folder (default:"
              + " $INDEX_BLOB_BUCKET with INDEX_BLOB_STORE=s3).")
  String blobBucket;

  @Option(
      names = "--blob-prefix",
      paramLabel = "PREFIX",
      description = "Key prefix of the blobs in the blob bucket (default: none).")
  String blobPrefix;

  /**
   * index-service's indices as the options and the environment give them; validated (a {@code
   * ConfigException} names a bad variable). Connects to Elasticsearch only when asked something.
   */
  public IndexClient open() {
    return open(System.getenv());
  }

  IndexClient open(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    putIfGiven(env, "INDEX_ELASTICSEARCH_URL", elasticsearchUrl);
    putIfGiven(env, "INDEX_ALIAS_PREFIX", aliasPrefix);
    putIfGiven(env, "INDEX_KAFKA_BOOTSTRAP_SERVERS", kafka);
    putIfGiven(env, "INDEX_KAFKA_TOPIC_PREFIX", topicPrefix);
    putIfGiven(env, "INDEX_BLOB_DIR", blobDir);
    if (blobBucket != null) {
      env.put("INDEX_BLOB_STORE", "s3");
      env.put("INDEX_BLOB_BUCKET", blobBucket);
    }
    putIfGiven(env, "INDEX_BLOB_PREFIX", blobPrefix);
    return IndexClient.open(env);
  }

  private static void putIfGiven(Map<String, String> env, String name, String value) {
    if (value != null) {
      env.put(name, value);
    }
  }
}
