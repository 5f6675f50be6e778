package nl.kamerstukken.index.replay;

import java.time.Duration;

/**
 * What a re-parse did.
 *
 * @param documents documents announced again (the latest {@code DocumentReceived} of each)
 * @param removed documents skipped because their latest event is a tombstone (removed at the
 *     source)
 * @param tombstonesRepeated documents removed while the re-parse ran: their tombstone was published
 *     again after the re-announcement, so they stay removed
 * @param took how long it took
 */
public record ReparseReport(long documents, long removed, long tombstonesRepeated, Duration took) {}
