package nl.kamerstukken.pipeline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.kamerstukken.cli.parse.LocalFile;
import nl.kamerstukken.cli.up.Pipeline;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import nl.kamerstukken.pipeline.TestPipelines;
import nl.kamerstukken.pipeline.fault.GeneratedKamerstuk;
import nl.kamerstukken.pipeline.fault.Observer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's attacks on a running pipeline (the three services as child JVMs on the real local
 * stack, as users run them): whoever can write the received topic publishes claim checks that point
 * out of the blob store, or at bytes that are not the announced ones. Each must end as a dead
 * letter with the right reason, nothing of it may reach either alias, the original-file endpoint
 * must answer 404 for it, and the pipeline must go on with real documents.
 */
@ExtendWith(LocalStackExtension.class)
class SecurityAttacksIT {

  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path work;
  static PipelineSettings settings;
  static Pipeline pipeline;
  static Observer observer;
  static String kafka;
  static HttpServer bait;
  static final List<String> baitRequests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startThePipeline(LocalStack stack) throws Exception {
    String namespace = TestPipelines.namespace("attack");
    settings =
        TestPipelines.settings(
            stack.kafkaBootstrapServers(),
            stack.elasticsearchUrl(),
            work,
            namespace,
            Path.of("target", "attack-logs", namespace).toAbsolutePath());
    kafka = stack.kafkaBootstrapServers();
    observer = new Observer(stack.elasticsearchUrl(), kafka, settings);
    // An HTTP server a claim check points at: nothing may ever ask it for anything.
    bait = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bait.createContext(
        "/",
        exchange -> {
          baitRequests.add(exchange.getRequestURI().toString());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    bait.start();
    pipeline = Pipeline.start(settings);
  }

  @AfterAll
  static void stopThePipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
    if (bait != null) {
      bait.stop(0);
    }
  }

  @Test
  void claimChecksOutOfTheStoreOrWithOtherBytesAreDeadLetteredNeverIndexedNeverServed()
      throws Exception {
    // Given hostile claim checks, each of a kind the issue names
    Path blobs = settings.dataDir().resolve("blobs");
    await().atMost(PATIENCE).until(() -> Files.isDirectory(blobs));
    Map<String, Attack> attacks = attacks(blobs);
    Path planted = blobs.resolve(storePath(attacks.get("tampered").id()));
    byte[] plantedBytes = Files.readAllBytes(planted);

    // When each is published straight onto the received topic, under its own id
    publish(attacks);
    // and a real Kamerstuk is dropped into the inbox after them
    Path pdf = new GeneratedKamerstuk(9111, 2).write(work.resolve("echt.pdf"));
    String realId = LocalFile.describe(pdf).sha256();
    Files.move(pdf, settings.inbox().resolve("echt.pdf"), StandardCopyOption.ATOMIC_MOVE);

    // Then each attack ends as a dead letter of the parse stage with its reason
    await().atMost(PATIENCE).untilAsserted(() -> assertDeadLettered(attacks));
    // And the real document after them is searchable: the pipeline went on
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(observer.count("kamerstukken-qa", term("documentId", realId)))
                    .isEqualTo(2));
    // And nothing of the attacks is in either alias, and the original endpoint has nothing for it
    assertNothingIndexedNorServed(attacks);
    assertThat(observer.count("kamerstukken-documents", "{\"match_all\":{}}")).isEqualTo(1);
    assertThat(original(realId).statusCode()).isEqualTo(200);
    // And no claim check made any service ask the web, and the planted blob was left alone
    assertThat(baitRequests).isEmpty();
    assertThat(planted).hasBinaryContent(plantedBytes);
    assertThat(pipeline.services()).allSatisfy(s -> assertThat(s.healthy()).isTrue());
  }

  /**
   * /etc/passwd with its true SHA-256 and size; /etc/shadow with a made-up SHA-256; a secret beside
   * the blob folder reached with {@code ..} and through a link inside the folder; another bucket; a
   * web address (the schema refuses it: only {@code file:} and {@code s3:} claim checks); a blob in
   * the store under the announced hash and of the announced size, whose bytes are other ones.
   */
  private static Map<String, Attack> attacks(Path blobs) throws IOException {
    Map<String, Attack> attacks = new LinkedHashMap<>();
    byte[] passwd = Files.readAllBytes(Path.of("/etc/passwd"));
    attacks.put("passwd", Attack.of(passwd, "file:///etc/passwd", ReasonCode.BLOB_OUTSIDE_STORE));
    attacks.put(
        "shadow",
        new Attack(
            "a".repeat(64), 1234, "file:///etc/shadow", ReasonCode.BLOB_OUTSIDE_STORE, "root:"));
    byte[] secret = marked("geheim buiten de blobmap");
    Files.write(settings.dataDir().resolve("secret.txt"), secret);
    attacks.put(
        "dotdot",
        Attack.of(
            secret, "file://" + blobs + "/aa/../../secret.txt", ReasonCode.BLOB_OUTSIDE_STORE));
    byte[] linked = marked("geheim achter een link");
    Path linkedFile = Files.write(settings.dataDir().resolve("linked.txt"), linked);
    Path link = blobs.resolve(storePath(sha256(linked)));
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, linkedFile);
    attacks.put("link", Attack.of(linked, link.toUri().toString(), ReasonCode.BLOB_OUTSIDE_STORE));
    attacks.put(
        "bucket",
        Attack.of(
            marked("geheim in een andere bucket"),
            "s3://another-bucket/x",
            ReasonCode.BLOB_OUTSIDE_STORE));
    attacks.put(
        "http",
        Attack.of(
            marked("geheim op het web"),
            "http://127.0.0.1:" + bait.getAddress().getPort() + "/blob",
            ReasonCode.INVALID_EVENT));
    byte[] announced = marked("wat het event belooft");
    byte[] other = announced.clone();
    other[0] = 'W';
    Path planted = blobs.resolve(storePath(sha256(announced)));
    Files.createDirectories(planted.getParent());
    Files.write(planted, other);
    attacks.put(
        "tampered",
        new Attack(
            sha256(announced),
            announced.length,
            planted.toUri().toString(),
            ReasonCode.BLOB_HASH_MISMATCH,
            new String(other, StandardCharsets.UTF_8).strip()));
    return attacks;
  }

  /** Where ingest's folder store keeps content: {@code aa/bb/<sha256>}. */
  private static String storePath(String sha) {
    return sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
  }

  private static void assertDeadLettered(Map<String, Attack> attacks) {
    List<DeadLetter> letters =
        observer.deadLettersFor(attacks.values().stream().map(Attack::id).toList());
    attacks.forEach(
        (name, attack) ->
            assertThat(letters)
                .as(name)
                .filteredOn(l -> l.documentId().equals(attack.id()))
                .singleElement()
                .satisfies(
                    l -> {
                      assertThat(l.stage()).isEqualTo(Stage.PARSE);
                      assertThat(l.reasonCode()).isEqualTo(attack.reason());
                    }));
  }

  private static void assertNothingIndexedNorServed(Map<String, Attack> attacks) throws Exception {
    for (Map.Entry<String, Attack> attack : attacks.entrySet()) {
      Attack a = attack.getValue();
      for (String alias : List.of("kamerstukken-documents", "kamerstukken-qa")) {
        assertThat(observer.count(alias, term("documentId", a.id())))
            .as("%s in %s", attack.getKey(), alias)
            .isZero();
        assertThat(observer.count(alias, phrase(a.content())))
            .as("content of %s in %s", attack.getKey(), alias)
            .isZero();
      }
      assertThat(original(a.id()).statusCode()).as(attack.getKey()).isEqualTo(404);
    }
  }

  /**
   * One hostile claim check.
   *
   * @param content words of what it points at, searched for in the aliases
   */
  record Attack(String id, long size, String blobUri, ReasonCode reason, String content) {

    static Attack of(byte[] bytes, String blobUri, ReasonCode reason) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return new Attack(
          sha256(bytes), bytes.length, blobUri, reason, text.lines().findFirst().orElse(text));
    }

    /** The event as another tool would write it: plain JSON, keyed by its id. */
    byte[] event(String name) {
      var json =
          Json.mapper()
              .createObjectNode()
              .put("documentId", id)
              .put("sourcePath", name + ".pdf")
              .put("fileName", name + ".pdf")
              .put("mediaType", "application/pdf")
              .put("sizeBytes", size)
              .put("sha256", id)
              .put("blobUri", blobUri)
              .put("receivedAt", "2026-12-01T10:00:00Z");
      return json.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private static void publish(Map<String, Attack> attacks) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    String topic = Topics.RECEIVED.withPrefix(settings.topicPrefix()).name();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      attacks.forEach(
          (name, attack) ->
              sent.add(
                  producer.send(new ProducerRecord<>(topic, attack.id(), attack.event(name)))));
      for (var write : sent) {
        write.get();
      }
    }
  }

  private static HttpResponse<String> original(String documentId) throws Exception {
    int port = pipeline.service(PipelineSettings.INDEX).httpPort();
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + port + "/api/documents/" + documentId + "/original"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] marked(String text) {
    return (text + " " + UUID.randomUUID().toString().replace("-", "") + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String term(String field, String value) {
    return "{\"term\":{\"" + field + "\":\"" + value + "\"}}";
  }

  /** Any field containing the words of {@code text} in a row. */
  private static String phrase(String text) {
    return "{\"multi_match\":{\"query\":"
        + Json.mapper().valueToTree(text)
        + ",\"type\":\"phrase\",\"fields\":[\"*\"],\"lenient\":true}}";
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
