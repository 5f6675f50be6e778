package nl.kamerstukken.index.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import nl.kamerstukken.index.config.ElasticsearchSettings;
import nl.kamerstukken.index.config.IndexConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to Elasticsearch with the cluster's own CA, as a secured cluster (Docker, Elastic Cloud on
 * premises) has it. The server is a small HTTPS endpoint with a certificate made by the JDK's
 * keytool: it answers like Elasticsearch does to {@code HEAD /<index>}, which is all this test
 * asks; what matters is the handshake.
 */
class ElasticsearchTlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;
  private static Path caPem;
  private static SSLContext serverTls;
  private HttpsServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void makeTheClusterCertificate() throws Exception {
    Path keystore = dir.resolve("node.p12");
    caPem = dir.resolve("http_ca.crt");
    keytool(
        "-genkeypair",
        "-alias",
        "node",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "node",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        caPem.toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keys.getKeyManagers(), null, null);
  }

  @BeforeEach
  void startAnHttpsServerWithItsOwnCa() throws Exception {
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theClusterCaCertificateFromTheEnvironmentIsTrustedAndCredentialsTravelOverTls()
      throws Exception {
    // Given the CA certificate and credentials in the environment
    IndexConfig config =
        IndexConfig.load(
            Map.of(
                "INDEX_ELASTICSEARCH_URL",
                url(),
                "INDEX_ELASTICSEARCH_CA_CERT",
                caPem.toString(),
                "INDEX_ELASTICSEARCH_USERNAME",
                "elastic",
                "INDEX_ELASTICSEARCH_PASSWORD",
                "geheim"));

    // When the client talks to the cluster
    try (ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch())) {
      // Then the handshake succeeds and basic auth was sent
      assertThat(client.indices().exists(e -> e.index("kamerstukken-qa")).value()).isTrue();
    }
    assertThat(authorizations).containsExactly("Basic ZWxhc3RpYzpnZWhlaW0=");
    assertThat(config.elasticsearch().toString()).contains("http_ca.crt").doesNotContain("geheim");
  }

  @Test
  void theCaFingerprintElasticsearchPrintsIsEnoughToTrustIt() throws Exception {
    // Given only the CA's SHA-256 fingerprint, written with colons as openssl does
    String fingerprint = fingerprint(caPem);
    String withColons = String.join(":", fingerprint.toUpperCase().split("(?<=\\G..)"));
    IndexConfig config =
        IndexConfig.load(
            Map.of(
                "INDEX_ELASTICSEARCH_URL",
                url(),
                "INDEX_ELASTICSEARCH_CA_FINGERPRINT",
                withColons));

    // When the client talks to the cluster, Then the handshake succeeds
    try (ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch())) {
      assertThat(client.indices().exists(e -> e.index("kamerstukken-qa")).value()).isTrue();
    }
  }

  @Test
  void withoutTheClusterCaTheConnectionIsRefused() {
    // Given no CA: the JVM's trusted CAs do not know this cluster's certificate
    ElasticsearchSettings settings = new ElasticsearchSettings(URI.create(url()), null, null, null);

    // When the client talks to the cluster, Then TLS refuses it (no silent trust-all)
    try (ElasticsearchClient client = ElasticsearchClients.create(settings)) {
      assertThatThrownBy(() -> client.indices().exists(e -> e.index("kamerstukken-qa")))
          .hasStackTraceContaining("PKIX");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(authorizations).isEmpty();
  }

  @Test
  void aCaForPlainHttpOrAnUnreadableOneIsRefusedAtStart() {
    assertThatThrownBy(
            () ->
                IndexConfig.load(
                    Map.of(
                        "INDEX_ELASTICSEARCH_URL",
                        "http://es:9200",
                        "INDEX_ELASTICSEARCH_CA_CERT",
                        caPem.toString())))
        .hasMessageContaining("INDEX_ELASTICSEARCH_CA_CERT")
        .hasMessageContaining("https");
    assertThatThrownBy(
            () ->
                IndexConfig.load(
                    Map.of(
                        "INDEX_ELASTICSEARCH_URL",
                        "https://es:9200",
                        "INDEX_ELASTICSEARCH_CA_CERT",
                        dir.resolve("missing.crt").toString(),
                        "INDEX_ELASTICSEARCH_CA_FINGERPRINT",
                        "not-hex")))
        .hasMessageContaining("INDEX_ELASTICSEARCH_CA_CERT=" + dir.resolve("missing.crt"))
        .hasMessageContaining("INDEX_ELASTICSEARCH_CA_FINGERPRINT=not-hex");
  }

  private String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String fingerprint(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("keytool %s: %s", args[0], output).isZero();
  }
}
