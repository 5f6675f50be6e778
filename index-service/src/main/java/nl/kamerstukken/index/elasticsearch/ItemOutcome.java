package nl.kamerstukken.index.elasticsearch;

/** What became of one operation of a bulk request. */
enum ItemOutcome {
  /** Written (or, for a delete, nothing was there to delete). */
  DONE,
  /**
   * Refused because a newer version of the Kamerstuk is stored: the expected answer to a late,
   * older event.
   */
  SUPERSEDED,
  /** Failed for a reason that passes (429, 5xx, rejected execution): send again after a backoff. */
  RETRY,
  /** Refused for good (e.g. a value the mapping cannot take): the document is dead-lettered. */
  REJECTED,
  /**
   * The alias is gone: writing on would only lose documents, so the service stops and re-creates it
   * at start.
   */
  FATAL
}
