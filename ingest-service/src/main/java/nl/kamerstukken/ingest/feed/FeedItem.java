package nl.kamerstukken.ingest.feed;

import java.nio.file.Path;
import nl.kamerstukken.ingest.source.FileStamp;
import nl.kamerstukken.ingest.source.SourceItem;

/**
 * One downloaded and checked manifestation of a record, staged until it is ingested.
 *
 * @param sourcePath {@code koop:<identifier>/<identifier><suffix>}: the manifestations of one
 *     record share a folder and a stem, so assemble-service joins them into one Kamerstuk
 * @param stamp size, the record's version as time and as text ({@code etag}): the ledger's record
 *     of which version was ingested
 * @param staged where the checked bytes wait
 */
record FeedItem(String sourcePath, FileStamp stamp, Path staged) implements SourceItem {}
