package nl.kamerstukken.ingest.source;

import nl.kamerstukken.model.ReasonCode;

/**
 * Something in the inbox that will not be read, and that the operator should hear about.
 *
 * @param sourcePath the path relative to the inbox
 * @param stamp the size and modification time of the entry itself (for a link: of the link)
 * @param reasonCode e.g. {@code OUTSIDE_WATCHED_FOLDER}
 * @param message what, where and what to do
 */
public record Refusal(String sourcePath, FileStamp stamp, ReasonCode reasonCode, String message)
    implements Entry {}
