package nl.kamerstukken.parse.isolation;

import java.time.Instant;
import java.util.Objects;
import nl.kamerstukken.model.SourceFile;

/**
 * What the service asks a parse worker: parse {@code file} (a local path the service resolved, e.g.
 * a blob) as {@code source}.
 *
 * @param id matches the reply to the request
 * @param file absolute path of the bytes to parse
 * @param source the original file as announced
 * @param receivedAt when ingest first saw the content, or null
 */
record WorkerRequest(long id, String file, SourceFile source, Instant receivedAt) {

  WorkerRequest {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
  }
}
