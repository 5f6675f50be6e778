package nl.kamerstukken.index.config;

import java.net.URI;
import java.util.Objects;

/**
 * How the service reaches Elasticsearch. At most one way of authenticating is set: basic credentials or
 * an API key (or none, for a local node without security).
 *
 * @param url base URL, e.g. {@code http://127.0.0.1:9200}
 * @param username basic-auth user, or null
 * @param password basic-auth password, or null
 * @param apiKey encoded API key (the {@code encoded} value Elasticsearch returns), or null
 */
public record ElasticsearchSettings(URI url, String username, String password, String apiKey) {

  public ElasticsearchSettings {
    Objects.requireNonNull(url, "url");
  }

  public boolean hasBasicAuth() {
    return username != null;
  }

  public boolean hasApiKey() {
    return apiKey != null;
  }

  /** For logs: says which authentication is used, never the secret itself. */
  @Override
  public String toString() {
    String auth = hasApiKey() ? "api-key" : hasBasicAuth() ? "basic user [" + username + "]" : "none";
    return "Elasticsearch at [" + url + "] with authentication " + auth;
  }
}
