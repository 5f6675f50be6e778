package nl.kamerstukken.ingest.publish;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the ledger log. Operations: {@code announce} (content announced; with a path: that
 * path holds it), {@code hold} (path holds content announced before), {@code drop} (path holds
 * nothing), {@code retract} (content's tombstone acknowledged; with a path: that path holds
 * nothing).
 *
 * @param op the operation
 * @param path source path relative to the inbox, or null
 * @param sha256 the content, or null
 * @param size the file's size when held, or null
 * @param mtime the file's modification time (ms) when held, or null
 * @param etag the object's ETag when a bucket object is held, else null (not written)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LedgerLine(String op, String path, String sha256, Long size, Long mtime, String etag) {

  static final String ANNOUNCE = "announce";
  static final String HOLD = "hold";
  static final String DROP = "drop";
  static final String RETRACT = "retract";

  LedgerLine(String op, String path, String sha256, Long size, Long mtime) {
    this(op, path, sha256, size, mtime, null);
  }

  LedgerLine {
    if (op == null) {
      throw new IllegalArgumentException("ledger line without op");
    }
    boolean needsSha = !op.equals(DROP);
    boolean holds = op.equals(HOLD) || (op.equals(ANNOUNCE) && path != null);
    if ((needsSha && sha256 == null)
        || (holds && (size == null || mtime == null))
        || ((op.equals(DROP) || op.equals(HOLD)) && path == null)) {
      throw new IllegalArgumentException("incomplete ledger line for " + op);
    }
  }
}
