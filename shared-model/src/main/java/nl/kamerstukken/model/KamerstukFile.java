package nl.kamerstukken.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One file that contributes to a {@link Kamerstuk}.
 *
 * @param documentId the content's id (its SHA-256)
 * @param fileName the file's name as dropped
 * @param mediaType detected media type
 * @param sha256 the content's SHA-256
 * @param sizeBytes size of the content
 * @param sourcePath where ingest found it (null when parsed offline)
 * @param blobUri where the bytes are stored
 * @param kind what the file is: a rendition or a publisher metadata record
 * @param role what it is to this Kamerstuk
 * @param receivedAt when ingest first saw the content
 */
public record KamerstukFile(
    String documentId,
    String fileName,
    String mediaType,
    String sha256,
    long sizeBytes,
    String sourcePath,
    String blobUri,
    FileKind kind,
    Role role,
    Instant receivedAt) {

  public KamerstukFile {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(role, "role");
    kind = kind == null ? FileKind.DOCUMENT : kind;
  }

  /** What a file is to its Kamerstuk. */
  public enum Role {
    /** Its text, questions and answers are the Kamerstuk's. */
    @JsonProperty("representative")
    REPRESENTATIVE,
    /** Another rendition (another format, a re-download, an older version). */
    @JsonProperty("alternative")
    ALTERNATIVE,
    /** A publisher metadata record: its values enrich the Kamerstuk. */
    @JsonProperty("publisher-metadata")
    PUBLISHER_METADATA
  }
}
