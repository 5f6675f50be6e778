package nl.kamerstukken.ingest.source;

/**
 * An object in the watched bucket.
 *
 * @param sourcePath {@code s3://bucket/key}: its name in the ledger and in the event
 * @param key the object's key
 * @param stamp its size, last modification (whole seconds) and ETag when listed
 */
public record BucketObject(String sourcePath, String key, FileStamp stamp) implements SourceItem {}
