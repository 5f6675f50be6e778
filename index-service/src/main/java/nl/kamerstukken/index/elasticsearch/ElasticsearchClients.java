package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLContext;
import nl.kamerstukken.index.config.ElasticsearchSettings;
import nl.kamerstukken.model.Json;

/** Builds the Elasticsearch client from validated settings. */
public final class ElasticsearchClients {

  private ElasticsearchClients() {}

  /** A client that maps documents with the project's {@link Json#mapper()} (ISO dates, records). */
  public static ElasticsearchClient create(ElasticsearchSettings settings) {
    SSLContext tls = tls(settings);
    return ElasticsearchClient.of(
        b -> {
          b.host(settings.url().toString()).jsonMapper(new JacksonJsonpMapper(Json.mapper()));
          if (settings.hasBasicAuth()) {
            b.usernameAndPassword(settings.username(), settings.password());
          }
          if (settings.hasApiKey()) {
            b.apiKey(settings.apiKey());
          }
          if (tls != null) {
            b.sslContext(tls);
          }
          return b;
        });
  }

  /** The cluster's own CA, when one is configured; null = the JVM's trusted CAs. */
  private static SSLContext tls(ElasticsearchSettings settings) {
    if (settings.caCertificate() != null) {
      try {
        return TransportUtils.sslContextFromHttpCaCrt(settings.caCertificate().toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read the CA certificate "
                + settings.caCertificate()
                + " (INDEX_ELASTICSEARCH_CA_CERT)",
            e);
      }
    }
    return settings.caFingerprint() == null
        ? null
        : TransportUtils.sslContextFromCaFingerprint(settings.caFingerprint());
  }
}
