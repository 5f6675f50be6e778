package nl.kamerstukken.index.elasticsearch;

import java.util.List;

/**
 * What became of one Kamerstuk in a batch.
 *
 * @param documentId the content
 * @param key the key its search documents are stored under
 * @param status the category
 * @param qaIndexed Q&A documents written
 * @param problems for {@link Status#REJECTED}: each refused search document with Elasticsearch's
 *     reason
 * @param replacedDocumentId the other content it replaced under the same key, or null
 */
public record DocumentOutcome(
    String documentId,
    String key,
    Status status,
    int qaIndexed,
    List<String> problems,
    String replacedDocumentId) {

  public DocumentOutcome {
    problems = List.copyOf(problems);
  }

  public enum Status {
    /** The document and all its Q&A documents are written. */
    INDEXED,
    /** A newer version of the same Kamerstuk is stored; nothing was written. */
    SUPERSEDED,
    /**
     * Elasticsearch refused some of its search documents for good; the rest is written. Dead-letter
     * it.
     */
    REJECTED
  }
}
