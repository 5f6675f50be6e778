package nl.kamerstukken.parse.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Path;
import nl.kamerstukken.kit.blob.BlobStoreUnavailableException;
import nl.kamerstukken.kit.blob.VerifiedBlob;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.DocumentParser;
import nl.kamerstukken.parse.ParserUnavailableException;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.blob.BlobFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Parses one received document from its blob. Contract: every problem with the document itself ends
 * as a {@link ParseOutcome.Failed} with a reason code (never an exception), so one bad file cannot
 * stop the service; the outcome is counted by result and reason. {@link ParserUnavailableException}
 * (no parse worker can run, shutdown) passes through: it says nothing about the document, and the
 * batch is retried.
 */
public final class ReceivedParser {

  private static final Logger LOG = LoggerFactory.getLogger(ReceivedParser.class);

  private final DocumentParser parser;
  private final BlobFetcher blobs;
  private final MeterRegistry registry;
  private final Timer duration;

  /**
   * {@code blobs} gives each document's verified bytes as a private local copy (the claim check is
   * resolved and checked in this process; the parse worker reads only the copy).
   */
  public ReceivedParser(DocumentParser parser, BlobFetcher blobs, MeterRegistry registry) {
    this.parser = parser;
    this.blobs = blobs;
    this.registry = registry;
    this.duration =
        Timer.builder("kamerstukken.parse.duration")
            .description("time to parse one document")
            .publishPercentileHistogram()
            .register(registry);
  }

  public ParseOutcome parse(DocumentReceived received) {
    try (var ignored = MDC.putCloseable("documentId", received.documentId())) {
      ParseOutcome outcome = duration.record(() -> parseBlob(received));
      count(outcome);
      if (outcome instanceof ParseOutcome.Parsed parsed) {
        LOG.info(
            "parsed [{}] [{}]: [{}] questions, [{}] answers",
            received.fileName(),
            parsed.document().metadata().identifier(),
            parsed.document().questions().size(),
            parsed.document().answers().size());
      }
      return outcome;
    }
  }

  private ParseOutcome parseBlob(DocumentReceived received) {
    VerifiedBlob blob = fetch(received);
    try {
      if (blob instanceof VerifiedBlob.Refused refused) {
        return new ParseOutcome.Failed(refused.reasonCode(), refused.message());
      }
      return parseFile(((VerifiedBlob.Verified) blob).file(), received);
    } finally {
      release(blob);
    }
  }

  /**
   * A blob store that does not answer says nothing about the document: retried like an unavailable
   * parser.
   */
  private VerifiedBlob fetch(DocumentReceived received) {
    try {
      return blobs.fetch(received);
    } catch (BlobStoreUnavailableException e) {
      throw new ParserUnavailableException("the blob store is unavailable: " + e.getMessage(), e);
    }
  }

  private static void release(VerifiedBlob blob) {
    try {
      blob.close();
    } catch (IOException e) {
      LOG.warn("cannot delete the verified copy of the blob: {}", e.toString());
    }
  }

  private ParseOutcome parseFile(Path blob, DocumentReceived received) {
    SourceFile source =
        new SourceFile(
            received.fileName(),
            received.sha256(),
            received.mediaType(),
            received.sizeBytes(),
            received.sourcePath(),
            received.blobUri());
    try {
      return parser.parse(blob, source, received.receivedAt());
    } catch (ParserUnavailableException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("parser crashed on [{}]", received.fileName(), e);
      return new ParseOutcome.Failed(
          ReasonCode.PARSER_CRASHED,
          "the parser crashed on "
              + received.fileName()
              + ": "
              + e
              + ". This is a bug; please report it with the file.");
    }
  }

  private void count(ParseOutcome outcome) {
    String result = outcome instanceof ParseOutcome.Parsed ? "parsed" : "failed";
    String reason =
        outcome instanceof ParseOutcome.Failed failed ? failed.reasonCode().name() : "none";
    Counter.builder("kamerstukken.parse.documents")
        .tag("outcome", result)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
