package nl.kamerstukken.index.document;

import nl.kamerstukken.model.KamerstukFile;

/**
 * One file of a Kamerstuk as listed in its search document, with the way to its original.
 *
 * @param documentId the content's id
 * @param fileName its name as dropped
 * @param mediaType detected media type
 * @param sha256 its SHA-256
 * @param sizeBytes its size
 * @param sourcePath where ingest found it
 * @param blobUri where the bytes are
 * @param role representative, alternative or publisher-metadata
 * @param originalUrl where index-service serves the original
 */
public record FileLink(
    String documentId,
    String fileName,
    String mediaType,
    String sha256,
    long sizeBytes,
    String sourcePath,
    String blobUri,
    String role,
    String originalUrl) {

  static FileLink of(KamerstukFile file) {
    return new FileLink(
        file.documentId(),
        file.fileName(),
        file.mediaType(),
        file.sha256(),
        file.sizeBytes(),
        file.sourcePath(),
        file.blobUri(),
        switch (file.role()) {
          case REPRESENTATIVE -> "representative";
          case ALTERNATIVE -> "alternative";
          case PUBLISHER_METADATA -> "publisher-metadata";
        },
        "/api/documents/" + file.documentId() + "/original");
  }
}
