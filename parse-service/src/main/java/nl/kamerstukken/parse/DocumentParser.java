package nl.kamerstukken.parse;

import java.nio.file.Path;
import java.time.Instant;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.api.ParseOutcome;

/**
 * Reads one document file into the parsed-document contract. Two implementations: {@link
 * KamerstukParser}, the parser itself, in this JVM (inside each parse worker; offline through
 * {@code api.FileParser}), and {@code isolation.ParseWorkerPool}, the service's pool of supervised
 * worker processes that run it under a time and memory budget. The service's {@code
 * consume.ReceivedParser} turns one received event into an outcome through the pool (blob,
 * metrics).
 *
 * <p>Contract: anything wrong with the document itself is a {@link ParseOutcome.Failed}; an
 * exception means the parse could not run (infrastructure, shutdown, a bug) and says nothing about
 * the document.
 */
public interface DocumentParser extends AutoCloseable {

  /**
   * @param file the bytes to read (a blob; its name need not be meaningful)
   * @param source the original file; {@code sha256} becomes the document id (computed when null)
   * @param receivedAt when ingest first saw the content, or null offline
   */
  ParseOutcome parse(Path file, SourceFile source, Instant receivedAt);

  @Override
  void close();
}
