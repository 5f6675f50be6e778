package nl.kamerstukken.ingest.publish;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.Tika;

/**
 * The media type of stored content, from its first bytes and its name (Tika's magic and glob rules
 * of {@code tika-core}; no parsers). Unknown content is {@code application/octet-stream}.
 */
public final class MediaTypeDetector {

  private final Tika tika = new Tika();

  /**
   * Reads at most the first few kilobytes of {@code content} (buffered if needed); the caller
   * closes it.
   */
  public String detect(InputStream content, String fileName) throws IOException {
    return tika.detect(content, fileName);
  }
}
