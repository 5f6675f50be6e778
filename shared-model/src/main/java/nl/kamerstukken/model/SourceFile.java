package nl.kamerstukken.model;

/**
 * The original file a parsed document came from.
 *
 * @param fileName the file's name as dropped
 * @param sha256 lower-case hex SHA-256 of the content
 * @param mediaType detected media type
 * @param sizeBytes size of the content
 * @param sourcePath where it was found (null when parsed offline)
 * @param blobUri where the bytes are stored (null when parsed offline)
 */
public record SourceFile(
    String fileName,
    String sha256,
    String mediaType,
    long sizeBytes,
    String sourcePath,
    String blobUri) {}
