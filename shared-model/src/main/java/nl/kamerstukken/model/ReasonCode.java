package nl.kamerstukken.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The one vocabulary of why a stage did not (or not yet) produce its effect for a document: every
 * dead letter, per-document outcome, metric tag and CLI command uses these names. On the wire (the
 * dead-letter topic) a reason is its name; a name this version does not know reads as {@link
 * #UNKNOWN}, so an older reader still lists newer dead letters.
 */
public enum ReasonCode {
  // The file itself: fix or replace it at the source.
  /** The file could not be read as the format it claims to be (corrupt, random bytes). */
  UNREADABLE_DOCUMENT(Category.BAD_DOCUMENT),
  /** The file is password protected. */
  ENCRYPTED_DOCUMENT(Category.BAD_DOCUMENT),
  /** The file is of a type the parser does not read (images, archives, binaries). */
  UNSUPPORTED_MEDIA_TYPE(Category.BAD_DOCUMENT),
  /** The file holds no text at all (zero bytes, or no text and no pages to OCR). */
  EMPTY_DOCUMENT(Category.BAD_DOCUMENT),
  /** The file ends early (a truncated PDF, a ZIP without its central directory). */
  INCOMPLETE_DOCUMENT(Category.BAD_DOCUMENT),
  /** An archive-based document whose entries expand far beyond its size. */
  ZIP_BOMB(Category.BAD_DOCUMENT),

  // A configured limit: raise it and re-drive, or split the document.
  /** Larger than the service parses ({@code PARSE_MAX_FILE_SIZE}), or its result too large. */
  TOO_LARGE(Category.LIMIT_EXCEEDED),
  /** More pages than the service parses ({@code PARSE_MAX_PAGES}). */
  TOO_MANY_PAGES(Category.LIMIT_EXCEEDED),
  /** Parsing took longer than {@code PARSE_TIMEOUT}; the parse worker was killed. */
  PARSE_TIMEOUT(Category.LIMIT_EXCEEDED),
  /** Parsing needed more than the parse worker's heap ({@code PARSE_WORKER_HEAP}). */
  OUT_OF_MEMORY(Category.LIMIT_EXCEEDED),

  // Our fault: report it with the file.
  /** The parser crashed (stack overflow, native crash, a bug). */
  PARSER_CRASHED(Category.BUG),
  /** Elasticsearch refused a search document for good (mapping conflict, too large a field). */
  INDEX_REJECTED(Category.BUG),
  /** A parsed event could not be turned into search documents. */
  INDEX_UNMAPPABLE(Category.BUG),
  /** A Kamerstuk or Kamervraag case could not be assembled from an event (assemble-service). */
  ASSEMBLY_FAILED(Category.BUG),

  // Ingest refused a file: no event was made; fix or touch the file at the source.
  /** Larger than ingest accepts ({@code INGEST_MAX_FILE_SIZE}). */
  FILE_TOO_LARGE(Category.SOURCE_REFUSED),
  /** The file disappeared between listing and reading. */
  FILE_VANISHED(Category.SOURCE_REFUSED),
  /** The file kept changing while it was read. */
  CHANGED_WHILE_READING(Category.SOURCE_REFUSED),
  /** The file could not be read (permissions, I/O error). */
  UNREADABLE_FILE(Category.SOURCE_REFUSED),
  /** A link that leads out of the watched folder. */
  OUTSIDE_WATCHED_FOLDER(Category.SOURCE_REFUSED),
  /**
   * A publication feed pointed at something ingest does not fetch or keep: a URL outside the
   * configured base, bytes that are not what the record says (not a PDF, XML with a DOCTYPE,
   * another identifier), a response larger than the limit.
   */
  FEED_ITEM_REFUSED(Category.SOURCE_REFUSED),
  /** A publication feed listed an item that its repository does not serve (404, 410). */
  FEED_ITEM_MISSING(Category.SOURCE_REFUSED),

  // The event cannot be trusted or used: never re-driven.
  /** The record is not a valid event of its topic (not JSON, or its JSON Schema refuses it). */
  INVALID_EVENT(Category.INVALID_EVENT),
  /** A tombstone that cannot be applied (no key). */
  INVALID_TOMBSTONE(Category.INVALID_EVENT),
  /** The claim check points outside the configured blob store; it was never opened. */
  BLOB_OUTSIDE_STORE(Category.INVALID_EVENT),
  /** The bytes in the blob store are not the bytes the event announced (sha256, size). */
  BLOB_HASH_MISMATCH(Category.INVALID_EVENT),

  // The claim check points at nothing: restore the blob store or drop the file again.
  /** The blob the event points at is not in the store. */
  BLOB_MISSING(Category.BLOB_MISSING),

  // A webhook did not take an alert: fix the receiver, then re-drive.
  /**
   * The alert's webhook did not answer 2xx within the configured attempts (the message has the last
   * status or error).
   */
  ALERT_UNDELIVERED(Category.UNDELIVERED),

  // Retried until it works; counted, never dead-lettered.
  /** The blob store refused a write or a read for now. */
  BLOB_STORE_UNAVAILABLE(Category.RETRY),
  /** The blob store or a service's data folder has no space left; retried once there is. */
  DISK_FULL(Category.RETRY),
  /** Elasticsearch answered 429 or 5xx for one item of a bulk request. */
  RETRYABLE_ITEM(Category.RETRY),

  /** A reason this version does not know (written by a newer one). */
  @JsonEnumDefaultValue
  UNKNOWN(Category.UNKNOWN);

  /** What a reason means for the operator. */
  public enum Category {
    /** The document is broken; re-driving helps only after a parser change. */
    BAD_DOCUMENT(true),
    /** A configured limit was exceeded; re-drive after raising it. */
    LIMIT_EXCEEDED(true),
    /** A bug of ours; re-drive after the fix. */
    BUG(true),
    /** Ingest refused the file and made no event; fix or touch the file at the source. */
    SOURCE_REFUSED(false),
    /** The event was not valid or not safe; re-driving it would be refused again. */
    INVALID_EVENT(false),
    /** The stored bytes are gone; re-drive after restoring the blob store. */
    BLOB_MISSING(true),
    /** A receiver outside the pipeline did not take it; re-drive once it does. */
    UNDELIVERED(true),
    /** Transient; retried by the stage itself. */
    RETRY(false),
    /** Not known to this version. */
    UNKNOWN(false);

    private final boolean redrivable;

    Category(boolean redrivable) {
      this.redrivable = redrivable;
    }

    /** Whether putting the original event back on its topic can succeed. */
    public boolean redrivable() {
      return redrivable;
    }
  }

  private final Category category;

  ReasonCode(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }
}
