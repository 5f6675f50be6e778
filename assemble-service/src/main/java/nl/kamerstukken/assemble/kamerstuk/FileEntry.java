package nl.kamerstukken.assemble.kamerstuk;

import java.time.Instant;
import java.util.Objects;
import nl.kamerstukken.model.DocumentMetadata;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.FileKind;
import nl.kamerstukken.model.KamerstukFile;

/**
 * What the assembly keeps of one parsed file: where it is, what it is, and its metadata; never its
 * text (the aggregate of a Kamerstuk with many files stays far below Kafka's message size; the
 * representative's content is fetched by a join).
 *
 * @param documentId the content's id
 * @param fileName its name as dropped
 * @param mediaType detected media type
 * @param sha256 the content's SHA-256
 * @param sizeBytes its size
 * @param sourcePath where ingest found it
 * @param blobUri where the bytes are
 * @param kind rendition or publisher metadata record
 * @param receivedAt when ingest first saw it
 * @param metadata the file's own metadata (a record's values, for a record)
 */
public record FileEntry(
    String documentId,
    String fileName,
    String mediaType,
    String sha256,
    long sizeBytes,
    String sourcePath,
    String blobUri,
    FileKind kind,
    Instant receivedAt,
    DocumentMetadata metadata) {

  public FileEntry {
    Objects.requireNonNull(documentId, "documentId");
    kind = kind == null ? FileKind.DOCUMENT : kind;
    metadata = metadata == null ? DocumentMetadata.empty() : metadata;
  }

  static FileEntry of(DocumentParsed parsed) {
    return new FileEntry(
        parsed.documentId(),
        parsed.source().fileName(),
        parsed.source().mediaType(),
        parsed.source().sha256(),
        parsed.source().sizeBytes(),
        parsed.source().sourcePath(),
        parsed.source().blobUri(),
        parsed.kind(),
        parsed.receivedAt(),
        parsed.metadata());
  }

  boolean isRecord() {
    return kind == FileKind.PUBLISHER_METADATA;
  }

  KamerstukFile asFile(KamerstukFile.Role role) {
    return new KamerstukFile(
        documentId,
        fileName,
        mediaType,
        sha256,
        sizeBytes,
        sourcePath,
        blobUri,
        kind,
        role,
        receivedAt);
  }
}
