package nl.kamerstukken.pipeline.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.kamerstukken.index.app.IndexService;
import nl.kamerstukken.index.config.IndexConfig;
import nl.kamerstukken.kit.lifecycle.Supervisor;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Segment;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.model.Topics;
import nl.kamerstukken.pipeline.TestPipelines;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved searches and their webhooks, on the real local broker and search node: index-service runs
 * in this JVM, Kamerstukken are published on its input topic as assemble-service would, and a
 * webhook receiver on the JDK's HTTP server records the calls. The scenarios share the service and
 * run in order; the second restarts the service.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SavedSearchAlertsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration RECEIVER_DOWN = Duration.ofSeconds(30);
  private static final String SECRET = "s3cret-" + UUID.randomUUID();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern FAILED_CALLS =
      Pattern.compile("(?m)^kamerstukken_alerts_failed_calls_total(?:\\{[^}]*\\})? ([0-9.E]+)$");

  @TempDir static Path work;
  static String prefix;
  static Map<String, String> environment;
  static IndexService service;
  static Supervisor supervisor;
  static WebhookReceiver receiver;
  static KafkaProducer<String, byte[]> producer;
  static Admin admin;
  static String alert;

  @BeforeAll
  static void startTheService(LocalStack stack) throws Exception {
    prefix = TestPipelines.namespace("alerts") + "-";
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    environment = new HashMap<>();
    environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    environment.put("KAFKA_TOPIC_PREFIX", prefix);
    environment.put("INDEX_ELASTICSEARCH_URL", stack.elasticsearchUrl());
    environment.put("INDEX_ALIAS_PREFIX", prefix);
    environment.put("INDEX_HTTP_PORT", "0");
    environment.put("INDEX_BLOB_DIR", work.resolve("blobs").toString());
    environment.put("INDEX_ALERT_SECRET_KEY", Base64.getEncoder().encodeToString(key));
    // Short waits between calls, so the call follows soon after the receiver is back.
    environment.put("INDEX_ALERT_RETRY_BASE", "200ms");
    environment.put("INDEX_ALERT_RETRY_MAX", "2s");
    environment.put("INDEX_ALERT_MAX_ATTEMPTS", "200");
    receiver = new WebhookReceiver(TestPipelines.freePort());
    receiver.start();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    start();
  }

  @AfterAll
  static void stopEverything() {
    stop();
    receiver.close();
    producer.close();
    admin.close();
  }

  @Test
  @Order(1)
  void aSavedSearchGetsExactlyOneSignedCallForAMatchingNewAnswerAndNoneForAnother()
      throws Exception {
    // Given a saved search for "kolencentrale", added over the API with a webhook and a secret
    alert = "kolen-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> added =
        post(
            "/api/alerts",
            Json.mapper()
                .createObjectNode()
                .put("name", alert)
                .put("query", "kolencentrale")
                .put("webhook", receiver.url())
                .put("secret", SECRET)
                .toString());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(added.body()).doesNotContain(SECRET).contains("\"signed\":true");

    // When a Kamerstuk about something else and then one whose second question is about it arrive
    publish(
        kamerstuk(
            "ah-tk-20242025-9001",
            List.of("Hoe lang zijn de wachttijden bij de huisarts?"),
            List.of("Gemiddeld twee weken.")));
    publish(
        kamerstuk(
            "ah-tk-20242025-9002",
            List.of(
                "Hoeveel windparken worden dit jaar gebouwd?",
                "Wanneer sluit de laatste kolencentrale in Nederland?"),
            List.of("Dat zijn er vier.", "De laatste kolencentrale sluit uiterlijk in 2029.")));

    // Then exactly one call arrives, for that question, signed with the secret
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.calls()).isNotEmpty());
    awaitAllConsumed();
    assertThat(receiver.calls()).hasSize(1);
    WebhookReceiver.Call call = receiver.calls().get(0);
    assertThat(call.header("X-Kamerstukken-Signature")).isEqualTo(hmac(call.body()));
    assertThat(call.header("Idempotency-Key")).matches("[0-9a-f]{64}");
    JsonNode body = Json.mapper().readTree(call.body());
    assertThat(body.path("alert").asText()).isEqualTo(alert);
    assertThat(body.path("identifier").asText()).isEqualTo("ah-tk-20242025-9002");
    assertThat(body.path("qaId").asText()).isEqualTo("ah-tk-20242025-9002-qa-2");
    assertThat(body.path("questionNumbers").toString()).isEqualTo("[\"2\"]");
    assertThat(body.path("questionText").asText()).contains("laatste kolencentrale");
    assertThat(body.path("answerText").asText()).contains("uiterlijk in 2029");
    assertThat(body.path("publicationUrl").asText())
        .isEqualTo("https://zoek.officielebekendmakingen.nl/ah-tk-20242025-9002.html");
    assertThat(body.path("originalUrl").asText())
        .startsWith("http://127.0.0.1:")
        .contains("/original");
    assertThat(body.path("idempotencyKey").asText()).isEqualTo(call.header("Idempotency-Key"));
    // And the secret is not readable on the subscriptions topic
    assertThat(subscriptionRecords()).noneMatch(value -> value.contains(SECRET)).isNotEmpty();
  }

  @Test
  @Order(2)
  void withTheReceiverDownFor30sTheCallArrivesOnceAfterItIsBackAcrossARestart() throws Exception {
    // Given the receiver is down
    receiver.stop();
    Instant down = Instant.now();

    // When a matching answer arrives and the service fails to call the webhook, then restarts
    publish(
        kamerstuk(
            "ah-tk-20242025-9003",
            List.of("Kent u het bericht over de kolencentrale in de Eemshaven?"),
            List.of("Ja.")));
    await().atMost(PATIENCE).until(() -> failedCalls() >= 1);
    stop();
    start();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                Duration.between(down, Instant.now()).compareTo(RECEIVER_DOWN) >= 0
                    && failedCalls() >= 1);
    assertThat(receiver.calls()).hasSize(1);
    receiver.start();

    // Then the call arrives once after the receiver is back, and the one delivered before the
    // restart is not sent again
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.calls()).hasSize(2));
    awaitAllConsumed();
    List<WebhookReceiver.Call> calls = receiver.calls();
    assertThat(calls).hasSize(2);
    JsonNode body = Json.mapper().readTree(calls.get(1).body());
    assertThat(body.path("qaId").asText()).isEqualTo("ah-tk-20242025-9003-qa-1");
    assertThat(calls.get(1).header("X-Kamerstukken-Signature"))
        .isEqualTo(hmac(calls.get(1).body()));
    assertThat(calls.stream().map(c -> c.header("Idempotency-Key")).distinct()).hasSize(2);
  }

  @Test
  @Order(3)
  void aPostponementOfAMatchingOpenCaseIsOneCallAndTheSameEventAgainIsNone() throws Exception {
    // Given the case of the question about the Eemshaven, postponed by a Mededeling
    Kamervraag postponed =
        new Kamervraag(
            "2025Z09003",
            List.of("2025Z09003"),
            List.of("Kops"),
            List.of("PVV"),
            List.of("Minister van Klimaat en Groene Groei"),
            "Klimaat en Groene Groei",
            "Vragen over de kolencentrale in de Eemshaven",
            "2024-2025",
            LocalDate.of(2025, 2, 1),
            LocalDate.of(2025, 2, 22),
            List.of(new Kamervraag.Postponement(LocalDate.of(2025, 2, 20), "ah-tk-20242025-9004")),
            null,
            List.of(),
            null,
            Kamervraag.Status.POSTPONED,
            true,
            false,
            LocalDate.of(2025, 2, 20),
            List.of(
                new Kamervraag.CaseDocument(
                    "ah-tk-20242025-9003",
                    Kamervraag.Role.QUESTION,
                    LocalDate.of(2025, 2, 1),
                    null),
                new Kamervraag.CaseDocument(
                    "ah-tk-20242025-9004",
                    Kamervraag.Role.POSTPONEMENT,
                    LocalDate.of(2025, 2, 20),
                    null)),
            List.of());

    // When it is published twice (a redelivery)
    publishCase(postponed);
    publishCase(postponed);

    // Then one call says the question is postponed
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.calls()).hasSize(3));
    awaitAllConsumed();
    assertThat(receiver.calls()).hasSize(3);
    JsonNode body = Json.mapper().readTree(receiver.calls().get(2).body());
    assertThat(body.path("kind").asText()).isEqualTo("postponed");
    assertThat(body.path("caseKey").asText()).isEqualTo("2025Z09003");
    assertThat(body.path("qaId").asText()).isEqualTo("ah-tk-20242025-9003-qa-1");
  }

  private static void publishCase(Kamervraag kamervraag) throws Exception {
    String topic = prefix + Topics.KAMERVRAGEN.name();
    producer
        .send(
            new ProducerRecord<>(
                topic,
                kamervraag.caseKey(),
                Topics.KAMERVRAGEN.valueSerde().serializer().serialize(topic, kamervraag)))
        .get();
  }

  private static void start() {
    supervisor = new Supervisor("alerts-it");
    service = IndexService.create(IndexConfig.load(environment));
    service.start(supervisor);
  }

  private static void stop() {
    if (service != null) {
      supervisor.stopping();
      service.close();
      assertThat(supervisor.failure()).as("no loop of the service died").isEmpty();
      service = null;
    }
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String base() {
    return "http://127.0.0.1:" + service.admin().port();
  }

  private static double failedCalls() throws Exception {
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = FAILED_CALLS.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String hmac(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static void publish(Kamerstuk kamerstuk) throws Exception {
    String topic = prefix + Topics.KAMERSTUKKEN.name();
    producer
        .send(
            new ProducerRecord<>(
                topic,
                kamerstuk.key(),
                Topics.KAMERSTUKKEN.valueSerde().serializer().serialize(topic, kamerstuk)))
        .get();
  }

  /**
   * Waits until index-service has committed everything on its input topic and the deliverer
   * everything on the alerts topic: nothing is left to match or to send.
   */
  private static void awaitAllConsumed() {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                consumed(prefix + "index-service", prefix + Topics.KAMERSTUKKEN.name())
                    && consumed(
                        prefix + "index-service-kamervragen", prefix + Topics.KAMERVRAGEN.name())
                    && consumed(prefix + "index-service-alerts", prefix + Topics.ALERTS.name()));
  }

  private static boolean consumed(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Set<TopicPartition> partitions =
        Set.copyOf(
            admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList());
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    var ends = admin.listOffsets(latest).all().get();
    for (TopicPartition p : partitions) {
      long end = ends.get(p).offset();
      OffsetAndMetadata at = committed.get(p);
      if (end > 0 && (at == null || at.offset() < end)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> subscriptionRecords() {
    String topic = prefix + Topics.ALERT_SUBSCRIPTIONS.name();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.get("KAFKA_BOOTSTRAP_SERVERS")),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<String> values = new java.util.ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(new String(r.value(), StandardCharsets.UTF_8));
        }
      }
      return values;
    }
  }

  /** The single-file Kamerstuk assemble-service publishes for an Aanhangsel with these Q&A. */
  private static Kamerstuk kamerstuk(
      String identifier, List<String> questions, List<String> answers) {
    String documentId =
        HexFormat.of()
            .formatHex(identifier.getBytes(StandardCharsets.UTF_8))
            .concat("0".repeat(64))
            .substring(0, 64);
    List<Segment> q = new java.util.ArrayList<>();
    List<Segment> a = new java.util.ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      q.add(new Segment(List.of(String.valueOf(i + 1)), questions.get(i)));
      a.add(new Segment(List.of(String.valueOf(i + 1)), answers.get(i)));
    }
    Instant now = Instant.now();
    DocumentMetadata metadata =
        new DocumentMetadata(
            identifier,
            "aanhangsel-antwoord",
            "2024-2025",
            null,
            identifier.substring(identifier.lastIndexOf('-') + 1),
            "Vragen over energie en zorg",
            LocalDate.of(2025, 3, 1),
            List.of("Kops"),
            List.of("PVV"),
            List.of("Minister van Klimaat en Groene Groei"),
            List.of("Minister Hermans"),
            LocalDate.of(2025, 2, 1),
            LocalDate.of(2025, 3, 1),
            List.of(),
            List.of(),
            null,
            null,
            List.of());
    DocumentParsed parsed =
        new DocumentParsed(
            documentId,
            new SourceFile(
                identifier + ".pdf",
                documentId,
                "application/pdf",
                1234,
                "inbox/" + identifier + ".pdf",
                "file:///blobs/" + documentId),
            metadata,
            1,
            String.join(" ", questions) + " " + String.join(" ", answers),
            q,
            a,
            List.of(),
            List.of(),
            now,
            now);
    return Kamerstuk.alone(parsed, "publisher XML over PDF over other formats");
  }
}
