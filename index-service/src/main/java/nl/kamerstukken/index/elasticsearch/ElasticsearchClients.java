package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import nl.kamerstukken.index.config.ElasticsearchSettings;
import nl.kamerstukken.model.Json;

/** Builds the Elasticsearch client from validated settings. */
public final class ElasticsearchClients {

  private ElasticsearchClients() {}

  /** A client that maps documents with the project's {@link Json#mapper()} (ISO dates, records). */
  public static ElasticsearchClient create(ElasticsearchSettings settings) {
    return ElasticsearchClient.of(b -> {
      b.host(settings.url().toString()).jsonMapper(new JacksonJsonpMapper(Json.mapper()));
      if (settings.hasBasicAuth()) {
        b.usernameAndPassword(settings.username(), settings.password());
      }
      if (settings.hasApiKey()) {
        b.apiKey(settings.apiKey());
      }
      return b;
    });
  }
}
