package nl.kamerstukken.ingest.publish;

/**
 * What became of one file or path.
 *
 * @param status the category, which tells the loop what to do next
 * @param documentId the content's SHA-256 when it was read, else null
 * @param detail the reason code or a short explanation, for logs and tests
 */
public record Outcome(Status status, String documentId, String detail) {

  public enum Status {
    /** New content, announced and acknowledged. */
    ANNOUNCED,
    /** Content announced before: recorded for this path, not announced again. */
    DUPLICATE,
    /**
     * Content removed downstream (tombstone acknowledged) or path forgotten (content still
     * elsewhere).
     */
    RELEASED,
    /** Dead-lettered; not offered again until the file changes. */
    REFUSED,
    /** Changed while being read, or the blob store failed: offer it again once complete. */
    RETRY,
    /**
     * The blob store has no space: nothing announced or dead-lettered; try it again when there is
     * space (the detail says where, with the free bytes).
     */
    NO_SPACE,
    /** The service stopped before Kafka acknowledged; done again at the next start. */
    STOPPED
  }

  static Outcome of(Status status, String documentId, String detail) {
    return new Outcome(status, documentId, detail);
  }
}
