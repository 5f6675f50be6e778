package nl.kamerstukken.kit.blob;

/**
 * What an event says about its bytes: where they are and what they must be. Nothing of it is
 * trusted until {@link ClaimCheckReader} found the bytes inside the blob store and they matched.
 *
 * @param documentId the event's document id (must be the content's SHA-256)
 * @param sha256 lower-case hex SHA-256 the content must have
 * @param sizeBytes the number of bytes the content must have
 * @param blobUri where the event says the bytes are
 * @param name names the document in messages (its file name)
 */
public record ClaimCheck(
    String documentId, String sha256, long sizeBytes, String blobUri, String name) {}
