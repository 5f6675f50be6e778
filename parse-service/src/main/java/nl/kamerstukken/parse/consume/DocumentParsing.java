package nl.kamerstukken.parse.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.kamerstukken.model.DocumentReceived;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.KamerstukParser;
import nl.kamerstukken.parse.ParseOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Parses one received document from its blob. Contract: every problem with the document itself ends as a
 * {@link ParseOutcome.Failed} with a reason code (never an exception), so one bad file cannot stop the
 * service; the outcome is counted by result and reason.
 */
public final class DocumentParsing {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentParsing.class);

  private final KamerstukParser parser;
  private final MeterRegistry registry;
  private final Timer duration;

  public DocumentParsing(KamerstukParser parser, MeterRegistry registry) {
    this.parser = parser;
    this.registry = registry;
    this.duration = Timer.builder("kamerstukken.parse.duration").description("time to parse one document")
        .publishPercentileHistogram().register(registry);
  }

  public ParseOutcome parse(DocumentReceived received) {
    try (var ignored = MDC.putCloseable("documentId", received.documentId())) {
      ParseOutcome outcome = duration.record(() -> parseBlob(received));
      count(outcome);
      if (outcome instanceof ParseOutcome.Parsed parsed) {
        LOG.info("parsed [{}] [{}]: [{}] questions, [{}] answers", received.fileName(),
            parsed.document().metadata().identifier(), parsed.document().questions().size(),
            parsed.document().answers().size());
      }
      return outcome;
    }
  }

  private ParseOutcome parseBlob(DocumentReceived received) {
    Path blob;
    try {
      blob = Path.of(URI.create(received.blobUri()));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return new ParseOutcome.Failed("UNSUPPORTED_BLOB_URI",
          "blob " + received.blobUri() + " of " + received.fileName() + " is not a file URI this service can read");
    }
    if (!Files.isRegularFile(blob)) {
      return new ParseOutcome.Failed("BLOB_MISSING", "blob " + blob + " of " + received.fileName()
          + " does not exist: was the blob store removed? Drop the file again to re-ingest it.");
    }
    SourceFile source = new SourceFile(received.fileName(), received.sha256(), received.mediaType(),
        received.sizeBytes(), received.sourcePath(), received.blobUri());
    try {
      return parser.parse(blob, source, received.receivedAt());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("parser crashed on [{}]", received.fileName(), e);
      return new ParseOutcome.Failed("PARSER_CRASH",
          "the parser crashed on " + received.fileName() + ": " + e + ". This is a bug; please report it with the file.");
    }
  }

  private void count(ParseOutcome outcome) {
    String result = outcome instanceof ParseOutcome.Parsed ? "parsed" : "failed";
    String reason = outcome instanceof ParseOutcome.Failed failed ? failed.reasonCode() : "none";
    Counter.builder("kamerstukken.parse.documents").tag("outcome", result).tag("reason", reason)
        .register(registry).increment();
  }
}
