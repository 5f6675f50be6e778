package nl.kamerstukken.parse.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import nl.kamerstukken.kit.kafka.BatchHandler;
import nl.kamerstukken.kit.kafka.DeadLetters;
import nl.kamerstukken.kit.kafka.EventPublisher;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.Topic;
import nl.kamerstukken.parse.ParserUnavailableException;
import nl.kamerstukken.parse.api.ParseOutcome;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns a batch of received documents into parsed documents (or dead letters), parsing several at
 * once and publishing in the batch's order. Returns only when every result is acknowledged by
 * Kafka, so the worker commits nothing that was not delivered. A tombstone is passed on to the
 * parsed topic.
 */
public final class ReceivedHandler implements BatchHandler<DocumentReceived> {

  private static final Logger LOG = LoggerFactory.getLogger(ReceivedHandler.class);

  private final ReceivedParser parsing;
  private final ExecutorService pool;
  private final EventPublisher publisher;
  private final DeadLetters deadLetters;
  private final Topic<String, DocumentParsed> parsedTopic;

  public ReceivedHandler(
      ReceivedParser parsing,
      ExecutorService pool,
      EventPublisher publisher,
      DeadLetters deadLetters,
      Topic<String, DocumentParsed> parsedTopic) {
    this.parsing = parsing;
    this.pool = pool;
    this.publisher = publisher;
    this.deadLetters = deadLetters;
    this.parsedTopic = parsedTopic;
  }

  @Override
  public void handle(List<Incoming<DocumentReceived>> batch)
      throws RetryableException, InterruptedException {
    List<Future<ParseOutcome>> outcomes = new ArrayList<>(batch.size());
    for (Incoming<DocumentReceived> in : batch) {
      outcomes.add(in.isTombstone() ? null : pool.submit(() -> parsing.parse(in.value())));
    }
    List<Future<RecordMetadata>> writes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Incoming<DocumentReceived> in = batch.get(i);
      if (in.isTombstone()) {
        writes.add(publisher.send(parsedTopic, in.key(), null));
        LOG.info("document [{}] removed at its source: tombstone passed on", in.key());
      } else {
        publish(in, await(outcomes.get(i)), writes);
      }
    }
    publisher.awaitAll(writes);
  }

  private void publish(
      Incoming<DocumentReceived> in, ParseOutcome outcome, List<Future<RecordMetadata>> writes)
      throws RetryableException {
    DocumentReceived received = in.value();
    try (var ignored = MDC.putCloseable("documentId", received.documentId())) {
      if (outcome instanceof ParseOutcome.Parsed parsed) {
        writes.add(publisher.send(parsedTopic, in.key(), parsed.document()));
      } else if (outcome instanceof ParseOutcome.Failed failed) {
        deadLetters.publish(
            received.documentId(),
            failed.reasonCode(),
            failed.message(),
            failed.attempts(),
            in.topic(),
            in.key(),
            received);
      }
    }
  }

  private static ParseOutcome await(Future<ParseOutcome> outcome)
      throws InterruptedException, RetryableException {
    try {
      return outcome.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ParserUnavailableException unavailable) {
        // Not the document's fault (no parse worker could run): nothing is committed, the batch
        // comes again.
        throw new RetryableException(
            "parse workers unavailable: " + unavailable.getMessage(), unavailable);
      }
      // ReceivedParser turns every per-document problem into a Failed value; anything else is a
      // bug.
      throw new IllegalStateException("parsing crashed: " + e.getCause(), e.getCause());
    }
  }
}
