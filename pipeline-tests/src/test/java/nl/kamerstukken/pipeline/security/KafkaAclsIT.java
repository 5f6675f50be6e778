package nl.kamerstukken.pipeline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.kafka.TopicAdmin;
import nl.kamerstukken.localstack.kafka.KafkaBroker;
import nl.kamerstukken.localstack.kafka.KafkaSecurity;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployed setup's Kafka rules on a real broker: local-stack's KRaft broker with SASL/SCRAM and
 * the {@code StandardAuthorizer} (as docker-compose.yml starts it), the ACLs of {@code
 * deploy/kafka/acls.txt} created through the Admin API (what {@code kafka-setup} does with
 * kafka-acls.sh), and the services' own client settings ({@code KafkaSettings}, {@code
 * KAFKA_PROPERTY_*}). Who may write the received topic is the pipeline's trust boundary.
 */
class KafkaAclsIT {

  private static final String RECEIVED = Topics.RECEIVED.name();
  private static final String PARSED = Topics.PARSED.name();
  private static final String DLQ = Topics.DEAD_LETTER.name();
  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
  private static final Map<String, String> PASSWORDS = new HashMap<>();

  @TempDir static Path dir;
  private static KafkaBroker broker;
  private static KafkaSecurity security;

  @BeforeAll
  static void aSecuredBrokerWithTheDeployedUsersTopicsAndAcls() throws Exception {
    security = new KafkaSecurity(ADMIN_PASSWORD);
    broker = KafkaBroker.create(dir.resolve("kafka"), 0, Duration.ofSeconds(120), security);
    broker.start();
    for (String user :
        List.of(
            "ingest-service",
            "parse-service",
            "assemble-service",
            "index-service",
            "minio",
            "kamerstukken-operator",
            "intruder")) {
      PASSWORDS.put(user, user + "-" + UUID.randomUUID());
    }
    try (Admin admin = Admin.create(adminProperties())) {
      List<UserScramCredentialUpsertion> users = new ArrayList<>();
      PASSWORDS.forEach(
          (user, password) ->
              users.add(
                  new UserScramCredentialUpsertion(
                      user,
                      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                      password)));
      admin.alterUserScramCredentials(List.copyOf(users)).all().get();
      TopicAdmin.ensureTopics(settings("admin", security.adminClient()), Duration.ofSeconds(30));
      admin.createTopics(List.of(new NewTopic("kamerstukken.s3-events", 1, (short) 1))).all().get();
      admin.createAcls(acls()).all().get();
    }
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.stop();
    }
  }

  @Test
  void onlyIngestServiceMayWriteTheReceivedTopic() throws Exception {
    // When ingest-service writes the received topic with its own client settings
    // Then the broker takes it (the ACLs reach the authorizer a moment after they are created)
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(send("ingest-service", RECEIVED)).isNotNegative());

    // And parse-service, index-service, MinIO and a user without any ACL are refused
    for (String user : List.of("parse-service", "index-service", "minio")) {
      assertThatThrownBy(() -> send(user, RECEIVED))
          .as(user)
          .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }
    assertThatThrownBy(() -> send("intruder", RECEIVED))
        .hasRootCauseInstanceOf(AuthorizationException.class);
  }

  @Test
  void onlyParseServiceMayWriteTheParsedTopicAndEveryServiceItsDeadLetters() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(send("parse-service", PARSED)).isNotNegative());

    for (String user : List.of("ingest-service", "index-service", "minio")) {
      assertThatThrownBy(() -> send(user, PARSED))
          .as(user)
          .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }
    for (String user : List.of("ingest-service", "parse-service", "index-service")) {
      assertThat(send(user, DLQ)).as(user).isNotNegative();
    }
    assertThatThrownBy(() -> send("minio", DLQ))
        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void eachServiceReadsOnlyItsInputInItsOwnGroup() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(send("ingest-service", RECEIVED)).isNotNegative());

    // parse-service reads the received topic in its group and commits
    assertThat(readAndCommit("parse-service", "parse-service", RECEIVED)).isNotEmpty();
    // index-service may not read the received topic, nor use parse-service's group
    assertThatThrownBy(() -> readAndCommit("index-service", "index-service", RECEIVED))
        .isInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> readAndCommit("index-service", "parse-service", PARSED))
        .isInstanceOf(GroupAuthorizationException.class);
    // and a user without ACLs reads nothing at all
    assertThatThrownBy(() -> readAndCommit("intruder", "parse-service", RECEIVED))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theServicesStartWithOnlyDescribeOnTheirTopicsAndAWrongPasswordIsRefused() {
    // TopicAdmin.ensureTopics is what every service runs at start: the topics exist, so DESCRIBE
    // is enough and nobody but kafka-setup may create topics
    Map<String, List<Topic<String, ?>>> used =
        Map.of(
            "ingest-service", List.of(Topics.RECEIVED, Topics.DEAD_LETTER),
            "parse-service", List.of(Topics.RECEIVED, Topics.PARSED, Topics.DEAD_LETTER),
            "assemble-service",
                List.of(Topics.PARSED, Topics.KAMERSTUKKEN, Topics.KAMERVRAGEN, Topics.DEAD_LETTER),
            "index-service",
                List.of(
                    Topics.KAMERSTUKKEN,
                    Topics.KAMERVRAGEN,
                    Topics.ALERT_SUBSCRIPTIONS,
                    Topics.ALERTS,
                    Topics.DEAD_LETTER));
    used.forEach(
        (user, topics) -> TopicAdmin.ensureTopics(settings(user), Duration.ofSeconds(30), topics));
    Properties wrong = KafkaSecurity.scramClient("ingest-service", "not-the-password");
    assertThatThrownBy(() -> send(settings("ingest-service", wrong), RECEIVED))
        .hasRootCauseInstanceOf(SaslAuthenticationException.class);
  }

  private static long send(String user, String topic) throws Exception {
    return send(settings(user), topic);
  }

  /** Writes one record with the service's own producer settings; its offset. */
  private static long send(KafkaSettings settings, String topic) throws Exception {
    Properties props = settings.producer();
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      String key = "a".repeat(64);
      return producer
          .send(new ProducerRecord<>(topic, key, "{}".getBytes(StandardCharsets.UTF_8)))
          .get()
          .offset();
    }
  }

  /** Reads what is on {@code topic} as {@code user} in {@code group} and commits it. */
  private static List<ConsumerRecord<String, byte[]>> readAndCommit(
      String user, String group, String topic) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(settings(user).consumer(group, 10))) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.isEmpty() && System.nanoTime() < end) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      consumer.commitSync();
      return records;
    }
  }

  private static KafkaSettings settings(String user) {
    return settings(user, KafkaSecurity.scramClient(user, PASSWORDS.get(user)));
  }

  /** The settings a service builds from KAFKA_BOOTSTRAP_SERVERS and KAFKA_PROPERTY_*. */
  private static KafkaSettings settings(String user, Properties security) {
    Map<String, String> extra = new HashMap<>();
    security.forEach((k, v) -> extra.put(k.toString(), v.toString()));
    return new KafkaSettings(broker.bootstrapServers(), user, 3, (short) 1, "", extra);
  }

  private static Properties adminProperties() {
    Properties props = security.adminClient();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return props;
  }

  /** The lines of deploy/kafka/acls.txt as ACL bindings, as kafka-setup applies them. */
  private static List<AclBinding> acls() throws IOException {
    Path file = PipelineSettings.locateHome().resolve("deploy/kafka/acls.txt");
    List<AclBinding> bindings = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String[] f = line.strip().split("\\s+");
      assertThat(f).as("line of %s: %s", file, line).hasSize(5);
      bindings.add(
          new AclBinding(
              new ResourcePattern(ResourceType.valueOf(f[2]), f[4], PatternType.valueOf(f[3])),
              new AccessControlEntry(
                  f[0], "*", AclOperation.valueOf(f[1]), AclPermissionType.ALLOW)));
    }
    return bindings;
  }
}
