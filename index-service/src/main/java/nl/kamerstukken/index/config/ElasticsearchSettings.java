package nl.kamerstukken.index.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the service reaches Elasticsearch. At most one way of authenticating is set: basic
 * credentials or an API key (or none, for a local node without security). For {@code https} URLs
 * the server's certificate is checked against the JVM's trusted CAs, or against the cluster's own
 * CA when one is given (its PEM file or the SHA-256 fingerprint Elasticsearch prints at its first
 * start).
 *
 * @param url base URL, e.g. {@code http://127.0.0.1:9200}
 * @param username basic-auth user, or null
 * @param password basic-auth password, or null
 * @param apiKey encoded API key (the {@code encoded} value Elasticsearch returns), or null
 * @param caCertificate PEM file of the CA that signed the cluster's HTTP certificate (e.g. {@code
 *     http_ca.crt}), or null
 * @param caFingerprint hex SHA-256 fingerprint of that CA certificate, or null
 */
public record ElasticsearchSettings(
    URI url,
    String username,
    String password,
    String apiKey,
    Path caCertificate,
    String caFingerprint) {

  public ElasticsearchSettings {
    Objects.requireNonNull(url, "url");
  }

  /** Without a CA of its own: plain HTTP, or HTTPS with a certificate the JVM trusts. */
  public ElasticsearchSettings(URI url, String username, String password, String apiKey) {
    this(url, username, password, apiKey, null, null);
  }

  public boolean hasBasicAuth() {
    return username != null;
  }

  public boolean hasApiKey() {
    return apiKey != null;
  }

  /** For logs: says which authentication and trust are used, never a secret. */
  @Override
  public String toString() {
    String auth =
        hasApiKey() ? "api-key" : hasBasicAuth() ? "basic user [" + username + "]" : "none";
    String trust =
        caCertificate != null
            ? ", trusting the CA in [" + caCertificate + "]"
            : caFingerprint != null
                ? ", trusting the CA with fingerprint [" + caFingerprint + "]"
                : "";
    return "Elasticsearch at [" + url + "] with authentication " + auth + trust;
  }
}
