package nl.kamerstukken.index.document;

import nl.kamerstukken.model.KamerstukFile;

/**
 * The way back from a search hit to the original file.
 *
 * @param fileName the file's name as dropped
 * @param sha256 the content's SHA-256 (equal to the document id)
 * @param mediaType detected media type
 * @param sizeBytes size of the content
 * @param sourcePath where ingest found it (null when parsed offline)
 * @param blobUri where the bytes are stored (null when parsed offline)
 */
public record SourceLink(
    String fileName,
    String sha256,
    String mediaType,
    long sizeBytes,
    String sourcePath,
    String blobUri) {

  static SourceLink of(KamerstukFile file) {
    return new SourceLink(
        file.fileName(),
        file.sha256(),
        file.mediaType(),
        file.sizeBytes(),
        file.sourcePath(),
        file.blobUri());
  }
}
