package nl.kamerstukken.index.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.kamerstukken.kit.blob.BlobLocation;
import nl.kamerstukken.kit.config.EnvConfig;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.s3.S3Connection;

/**
 * The index service's settings, from {@code INDEX_*} environment variables over documented defaults
 * (see the module README). {@link #load} validates everything and names every bad variable at once.
 *
 * @param elasticsearch where Elasticsearch is and how to authenticate
 * @param aliasPrefix put before every alias, index and template name (empty in production; unique
 *     per test)
 * @param bulk bulk request bounds
 * @param maxPollRecords most events the worker takes in one batch
 * @param httpHost where {@code /health} and {@code /metrics} listen
 * @param httpPort their port (0 = any free port)
 * @param kafka how to reach Kafka
 * @param search how the search page, the search API and the original-file lookup reach
 *     Elasticsearch: the same node with their own, read-only credentials when {@code
 *     INDEX_SEARCH_ELASTICSEARCH_USERNAME}/{@code _PASSWORD} or {@code _API_KEY} are set, else
 *     {@link #elasticsearch}
 * @param blobs the blob store the original files are read from, only inside it: {@code
 *     INDEX_BLOB_STORE}, {@code INDEX_BLOB_DIR} or {@code INDEX_BLOB_BUCKET}/{@code
 *     INDEX_BLOB_PREFIX} (as parse-service's)
 * @param s3 how a blob bucket is reached ({@code INDEX_S3_ENDPOINT}, {@code INDEX_S3_REGION},
 *     {@code INDEX_S3_PATH_STYLE})
 * @param alerts how saved searches are matched and delivered ({@code INDEX_ALERT_*})
 * @param refreshSmallBatches a batch of at most this many Kamerstukken that comes after a quiet
 *     spell is made searchable at once after it is written, instead of at the next periodic refresh
 *     ({@code INDEX_REFRESH_SMALL_BATCHES}, 10; 0 = never)
 */
public record IndexConfig(
    ElasticsearchSettings elasticsearch,
    String aliasPrefix,
    BulkLimits bulk,
    int maxPollRecords,
    String httpHost,
    int httpPort,
    KafkaSettings kafka,
    ElasticsearchSettings search,
    BlobLocation blobs,
    S3Connection s3,
    AlertSettings alerts,
    int refreshSmallBatches) {

  public static final String CLIENT_ID = "index-service";
  static final String DEFAULT_URL = "http://127.0.0.1:9200";
  static final int DEFAULT_MAX_ACTIONS = 500;
  static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

  public static IndexConfig load(Map<String, String> environment) {
    EnvConfig env = EnvConfig.of("INDEX_", environment);
    ElasticsearchSettings elasticsearch = elasticsearch(env);
    String aliasPrefix = aliasPrefix(env);
    int maxActions = env.integer("BULK_MAX_ACTIONS", DEFAULT_MAX_ACTIONS, 1, 100_000);
    long maxBytes = env.longValue("BULK_MAX_BYTES", DEFAULT_MAX_BYTES, 1024);
    int maxItemAttempts = env.integer("BULK_MAX_ATTEMPTS", 5, 1, 100);
    int maxPollRecords = env.integer("MAX_POLL_RECORDS", 200, 1, 10_000);
    String httpHost = env.string("HTTP_HOST", "127.0.0.1");
    int httpPort = env.integer("HTTP_PORT", 8083, 0, 65_535);
    KafkaSettings kafka = KafkaSettings.from(env, CLIENT_ID);
    ElasticsearchSettings search = search(env, elasticsearch);
    BlobLocation blobs = BlobLocation.load(env);
    S3Connection s3 = S3Connection.load(env, environment);
    AlertSettings alerts = AlertSettings.load(env);
    int refreshSmallBatches = env.integer("REFRESH_SMALL_BATCHES", 10, 0, 10_000);
    env.validate();
    return new IndexConfig(
        elasticsearch,
        aliasPrefix,
        new BulkLimits(maxActions, maxBytes, maxItemAttempts),
        maxPollRecords,
        httpHost,
        httpPort,
        kafka,
        search,
        blobs,
        s3,
        alerts,
        refreshSmallBatches);
  }

  /**
   * The search side's own credentials (a user with read rights on the aliases only), on the same
   * node and trust as {@code writer}; without them the search side uses the writer's.
   */
  private static ElasticsearchSettings search(EnvConfig env, ElasticsearchSettings writer) {
    String username = env.string("SEARCH_ELASTICSEARCH_USERNAME", null);
    String password = env.string("SEARCH_ELASTICSEARCH_PASSWORD", null);
    String apiKey = env.string("SEARCH_ELASTICSEARCH_API_KEY", null);
    if (username == null && password == null && apiKey == null) {
      return writer;
    }
    if ((username == null) != (password == null)) {
      env.reject(
          username == null ? "SEARCH_ELASTICSEARCH_USERNAME" : "SEARCH_ELASTICSEARCH_PASSWORD",
          "<unset>",
          "set both INDEX_SEARCH_ELASTICSEARCH_USERNAME and INDEX_SEARCH_ELASTICSEARCH_PASSWORD,"
              + " or neither");
    }
    if (apiKey != null && username != null) {
      env.reject(
          "SEARCH_ELASTICSEARCH_API_KEY",
          "<set>",
          "use either an API key or a username and password for the search side, not both");
    }
    return new ElasticsearchSettings(
        writer.url(), username, password, apiKey, writer.caCertificate(), writer.caFingerprint());
  }

  private static ElasticsearchSettings elasticsearch(EnvConfig env) {
    String url = env.sharedString("ELASTICSEARCH_URL", DEFAULT_URL);
    URI uri = URI.create(DEFAULT_URL);
    try {
      uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        env.reject("ELASTICSEARCH_URL", url, "expected an http(s) URL like " + DEFAULT_URL);
      }
    } catch (IllegalArgumentException e) {
      env.reject("ELASTICSEARCH_URL", url, "expected an http(s) URL like " + DEFAULT_URL);
    }
    String username = env.sharedString("ELASTICSEARCH_USERNAME", null);
    String password = env.sharedString("ELASTICSEARCH_PASSWORD", null);
    String apiKey = env.sharedString("ELASTICSEARCH_API_KEY", null);
    // Secrets are never echoed back: the message shows "<set>" instead of the value.
    if ((username == null) != (password == null)) {
      env.reject(
          username == null ? "ELASTICSEARCH_USERNAME" : "ELASTICSEARCH_PASSWORD",
          "<unset>",
          "set both INDEX_ELASTICSEARCH_USERNAME and INDEX_ELASTICSEARCH_PASSWORD, or neither");
    }
    if (apiKey != null && username != null) {
      env.reject(
          "ELASTICSEARCH_API_KEY",
          "<set>",
          "use either an API key or a username and password, not both");
    }
    Path caCert = caCertificate(env);
    String fingerprint = caFingerprint(env);
    if ((caCert != null || fingerprint != null) && !"https".equals(uri.getScheme())) {
      env.reject(
          caCert != null ? "ELASTICSEARCH_CA_CERT" : "ELASTICSEARCH_CA_FINGERPRINT",
          "<set>",
          "a CA is only used for https: set INDEX_ELASTICSEARCH_URL=https://...");
    }
    if (caCert != null && fingerprint != null) {
      env.reject(
          "ELASTICSEARCH_CA_FINGERPRINT",
          fingerprint,
          "set either the CA certificate or its fingerprint");
    }
    return new ElasticsearchSettings(uri, username, password, apiKey, caCert, fingerprint);
  }

  private static Path caCertificate(EnvConfig env) {
    String value = env.sharedString("ELASTICSEARCH_CA_CERT", null);
    if (value == null) {
      return null;
    }
    Path path = Path.of(value).toAbsolutePath();
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      env.reject(
          "ELASTICSEARCH_CA_CERT",
          value,
          "expected a readable PEM file, e.g. Elasticsearch's certs/http_ca.crt");
    }
    return path;
  }

  /** Hex SHA-256, with or without colons, as Elasticsearch and openssl print it. */
  private static String caFingerprint(EnvConfig env) {
    String value = env.sharedString("ELASTICSEARCH_CA_FINGERPRINT", null);
    if (value == null) {
      return null;
    }
    String hex = value.replace(":", "").toLowerCase(java.util.Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}")) {
      env.reject(
          "ELASTICSEARCH_CA_FINGERPRINT",
          value,
          "expected the CA certificate's SHA-256 fingerprint (64 hex digits)");
      return null;
    }
    return hex;
  }

  /** Index names must be lower case and must not start with '_', '-' or '+'. */
  private static String aliasPrefix(EnvConfig env) {
    String prefix = env.string("ALIAS_PREFIX", "");
    if (!prefix.matches("([a-z0-9][a-z0-9._-]*)?")) {
      env.reject(
          "ALIAS_PREFIX",
          prefix,
          "expected lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return prefix;
  }
}
