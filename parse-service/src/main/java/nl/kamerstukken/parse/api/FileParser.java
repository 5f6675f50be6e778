package nl.kamerstukken.parse.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.KamerstukParser;

/**
 * parse-service's parser for one file on disk, in this JVM (no worker processes, no Kafka): what
 * the offline {@code parse} command, the tools and the tests use. The same code as the service runs
 * in its workers, so an outcome here is the outcome there (apart from the service's time and memory
 * budget). Thread-safe; close it when done.
 */
public final class FileParser implements AutoCloseable {

  private final KamerstukParser parser;

  private FileParser(KamerstukParser parser) {
    this.parser = parser;
  }

  /** Builds the parser (about half a second: Tika, the Tesseract probe). */
  public static FileParser create(ParserSettings settings) {
    return new FileParser(KamerstukParser.create(Objects.requireNonNull(settings, "settings")));
  }

  /** Whether pages without a text layer can be OCR'd (OCR enabled and Tesseract installed). */
  public boolean ocrAvailable() {
    return parser.ocrAvailable();
  }

  /**
   * Parses one file. Anything wrong with the document itself is a {@link ParseOutcome.Failed}; an
   * exception means the parse could not run.
   *
   * @param file the file to read
   * @param source what ingest would say about it; {@code sha256} becomes the document id (computed
   *     when null)
   * @param receivedAt when the content was first seen, or null
   */
  public ParseOutcome parse(Path file, SourceFile source, Instant receivedAt) {
    return parser.parse(file, source, receivedAt);
  }

  @Override
  public void close() {
    parser.close();
  }
}
