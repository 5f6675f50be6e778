package nl.kamerstukken.cli.search;

import java.time.Duration;
import java.util.List;

/**
 * What a re-parse did.
 *
 * @param documents documents announced again (the latest {@code DocumentReceived} of each)
 * @param removed documents skipped because their latest event is a tombstone (removed at the
 *     source)
 * @param tombstonesRepeated documents removed while the re-parse ran: their tombstone was published
 *     again after the re-announcement, so they stay removed
 * @param refused events not announced again because they cannot be trusted, each with the reason:
 *     records their schema refuses, and claim checks outside the blob store
 * @param took how long it took
 */
public record ReparseReport(
    long documents, long removed, long tombstonesRepeated, List<String> refused, Duration took) {

  public ReparseReport {
    refused = List.copyOf(refused);
  }
}
