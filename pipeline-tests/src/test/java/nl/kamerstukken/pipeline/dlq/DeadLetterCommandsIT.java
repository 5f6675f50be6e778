package nl.kamerstukken.pipeline.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.KafkaSettings;
import nl.kamerstukken.kit.kafka.TopicAdmin;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import nl.kamerstukken.pipeline.CliRun;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code dlq list} and {@code dlq retry} on a real broker: what an operator sees and what goes
 * back.
 */
@ExtendWith(LocalStackExtension.class)
class DeadLetterCommandsIT {

  @Test
  void listShowsEveryDeadLetterAndRetryAllReDrivesEachDocumentOnce(LocalStack stack)
      throws Exception {
    String prefix = "dlq-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    KafkaSettings kafka =
        new KafkaSettings(stack.kafkaBootstrapServers(), "dlq-it", 3, (short) 1, prefix, Map.of());
    TopicAdmin.ensureTopics(kafka, Duration.ofSeconds(30));
    String received = kafka.topic(Topics.RECEIVED).name();
    DocumentReceived a = received("a");
    DocumentReceived b = received("b");

    // Given: document a failed twice, b once, and ingest refused a link out of the inbox
    deadLetter(kafka, a, b);
    String[] where = {
      "--kafka", stack.kafkaBootstrapServers(), "--topic-prefix", prefix, "--blob-dir", "/blobs"
    };

    // When they are listed
    CliRun list = run(where, "dlq", "list");

    // Then each is one line with its reason, attempts, file and state
    assertThat(list.exitCode()).isZero();
    assertThat(list.output())
        .contains(
            "PARSE_TIMEOUT",
            "OUT_OF_MEMORY",
            "UNREADABLE_DOCUMENT",
            "OUTSIDE_WATCHED_FOLDER",
            "a.pdf",
            "b.pdf",
            "escape.pdf",
            "passwd.pdf",
            "5 dead letter(s)");

    // When all are re-driven
    CliRun all = run(where, "dlq", "retry", "--all");

    // Then a (once: its latest dead letter) and b are back on the received topic; the refused link
    // is not, nor the event whose claim check points outside the blob store
    assertThat(all.exitCode()).isZero();
    assertThat(all.output())
        .contains("re-drove 2 dead letter(s), skipped 2")
        .contains("claim check is outside the blob folder [/blobs]");
    assertThat(keysOn(stack, received)).containsExactlyInAnyOrder(a.documentId(), b.documentId());

    // When --all runs again, nothing is re-driven twice, and nothing is open any more
    assertThat(run(where, "dlq", "retry", "--all").output())
        .contains("re-drove 0 dead letter(s), skipped 0");
    assertThat(keysOn(stack, received)).hasSize(2);
    assertThat(run(where, "dlq", "list", "--open").output()).contains("0 dead letter(s)");

    // When one document is named, it is re-driven whatever the mark says
    CliRun one = run(where, "dlq", "retry", "--id", a.documentId().substring(0, 12));
    assertThat(one.exitCode()).isZero();
    assertThat(keysOn(stack, received))
        .containsExactlyInAnyOrder(a.documentId(), b.documentId(), a.documentId());

    // And an id that names nothing is an error that says what ids look like
    CliRun none = run(where, "dlq", "retry", "--id", "7:99");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.output()).contains("no dead letter 7:99", "partition:offset");
  }

  private static void deadLetter(KafkaSettings kafka, DocumentReceived a, DocumentReceived b)
      throws Exception {
    String received = kafka.topic(Topics.RECEIVED).name();
    try (EventPublisher publisher = EventPublisher.create(kafka)) {
      DeadLetters parse =
          new DeadLetters(
              publisher, kafka.topic(Topics.DEAD_LETTER), Stage.PARSE, Clock.systemUTC());
      parse.publish(
          a.documentId(),
          ReasonCode.PARSE_TIMEOUT,
          "a.pdf took longer than 120 s",
          1,
          received,
          a.documentId(),
          a);
      parse.publish(
          a.documentId(),
          ReasonCode.OUT_OF_MEMORY,
          "a.pdf needed more than 512m",
          2,
          received,
          a.documentId(),
          a);
      parse.publish(
          b.documentId(),
          ReasonCode.UNREADABLE_DOCUMENT,
          "b.pdf is not a readable PDF",
          1,
          received,
          b.documentId(),
          b);
      DocumentReceived passwd =
          new DocumentReceived(
              "c".repeat(64),
              "passwd.pdf",
              "passwd.pdf",
              "application/pdf",
              10,
              "c".repeat(64),
              "file:///etc/passwd",
              Instant.parse("2026-01-02T03:04:05Z"));
      parse.publish(
          passwd.documentId(),
          ReasonCode.BLOB_MISSING,
          "passwd.pdf is not in the store",
          1,
          received,
          passwd.documentId(),
          passwd);
      new DeadLetters(publisher, kafka.topic(Topics.DEAD_LETTER), Stage.INGEST, Clock.systemUTC())
          .publish(
              null,
              ReasonCode.OUTSIDE_WATCHED_FOLDER,
              "link escape.pdf points outside the inbox",
              1,
              null,
              null,
              Map.of("sourcePath", "escape.pdf"));
    }
  }

  private static CliRun run(String[] where, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(where));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static DocumentReceived received(String name) {
    String id = (name.repeat(64)).substring(0, 64);
    return new DocumentReceived(
        id,
        name + ".pdf",
        name + ".pdf",
        "application/pdf",
        10,
        id,
        "file:///blobs/" + id,
        Instant.parse("2026-01-02T03:04:05Z"));
  }

  private static List<String> keysOn(LocalStack stack, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }
}
