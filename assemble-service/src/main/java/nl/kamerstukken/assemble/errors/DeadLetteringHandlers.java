package nl.kamerstukken.assemble.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.kamerstukken.model.DeadLetter;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.Stage;
import nl.kamerstukken.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What assemble-service does with a record it cannot use: it becomes a dead letter (stage {@code
 * ASSEMBLE}) with the reason and the original bytes, and the stream goes on; a bad record never
 * stops a stream thread. The dead letter is written by Kafka Streams in the same transaction as the
 * progress past the record (Kafka Streams' dead-letter records, KIP-1034), so it is written exactly
 * once. The dead-letter topic is named by {@link #TOPIC_CONFIG}.
 */
public final class DeadLetteringHandlers {

  /** The (prefixed) dead-letter topic, passed in the Streams configuration. */
  public static final String TOPIC_CONFIG = "kamerstukken.dead.letter.topic";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringHandlers.class);

  private DeadLetteringHandlers() {}

  /** Records that are no valid event of their topic: {@code INVALID_EVENT}. */
  public static final class Deserialization implements DeserializationExceptionHandler {
    private String topic = Topics.DEAD_LETTER.name();

    @Override
    public void configure(Map<String, ?> configs) {
      topic = topicFrom(configs);
    }

    @Override
    public Response handleError(
        ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
      String key = text(record.key());
      LOG.warn(
          "dead-lettered record [{}-{}@{}] key [{}]: [{}] {}",
          context.topic(),
          context.partition(),
          context.offset(),
          key,
          ReasonCode.INVALID_EVENT,
          exception.getMessage());
      return Response.resume(
          List.of(
              letter(
                  topic,
                  key,
                  ReasonCode.INVALID_EVENT,
                  exception.getMessage(),
                  context.topic(),
                  record.value())));
    }
  }

  /** An exception while assembling from a valid event (a bug of ours): {@code ASSEMBLY_FAILED}. */
  public static final class Processing implements ProcessingExceptionHandler {
    private String topic = Topics.DEAD_LETTER.name();

    @Override
    public void configure(Map<String, ?> configs) {
      topic = topicFrom(configs);
    }

    @Override
    public Response handleError(
        ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
      String key = record.key() == null ? null : String.valueOf(record.key());
      String message =
          "assembling at "
              + context.processorNodeId()
              + " failed for key "
              + key
              + ": "
              + exception
              + ". This is a bug; report it with the event.";
      LOG.error("{}", message, exception);
      return Response.resume(
          List.of(
              letter(
                  topic,
                  key,
                  ReasonCode.ASSEMBLY_FAILED,
                  message,
                  context.topic(),
                  context.sourceRawValue())));
    }
  }

  static ProducerRecord<byte[], byte[]> letter(
      String topic,
      String key,
      ReasonCode reason,
      String message,
      String originalTopic,
      byte[] original) {
    DeadLetter letter =
        new DeadLetter(
            key,
            Stage.ASSEMBLE,
            reason,
            message == null ? reason.name() : message,
            1,
            Instant.now(),
            originalTopic,
            key,
            readable(original));
    byte[] value = Topics.DEAD_LETTER.valueSerde().serializer().serialize(topic, letter);
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, keyBytes, value);
  }

  private static String topicFrom(Map<String, ?> configs) {
    Object configured = configs.get(TOPIC_CONFIG);
    return configured == null ? Topics.DEAD_LETTER.name() : configured.toString();
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static JsonNode readable(byte[] raw) {
    if (raw == null) {
      return null;
    }
    try {
      return Json.mapper().readTree(raw);
    } catch (IOException e) {
      return TextNode.valueOf(new String(raw, StandardCharsets.UTF_8));
    }
  }
}
