package nl.kamerstukken.ingest.config;

import java.time.Duration;
import nl.kamerstukken.kit.s3.S3Connection;

/**
 * The S3 side of ingest: the inbox bucket (when {@code INGEST_SOURCE=s3}) and the blob bucket (when
 * {@code INGEST_BLOB_STORE=s3}), both on one S3 server.
 *
 * @param connection how to reach S3 ({@code INGEST_S3_ENDPOINT}, {@code INGEST_S3_REGION}, {@code
 *     INGEST_S3_PATH_STYLE})
 * @param inbox the watched bucket and prefix ({@code INGEST_S3_BUCKET}, {@code INGEST_S3_PREFIX});
 *     null unless the source is S3
 * @param blobs where blobs are stored ({@code INGEST_BLOB_BUCKET}, {@code INGEST_BLOB_PREFIX});
 *     null unless the blob store is S3
 * @param pollInterval time between two complete listings of the inbox bucket ({@code
 *     INGEST_S3_POLL_INTERVAL}, 5s)
 * @param eventsTopic Kafka topic of the bucket's notifications (MinIO), a trigger for an early
 *     listing; "" = listing only ({@code INGEST_S3_EVENTS_TOPIC})
 */
public record S3Settings(
    S3Connection connection,
    BucketLocation inbox,
    BucketLocation blobs,
    Duration pollInterval,
    String eventsTopic) {}
