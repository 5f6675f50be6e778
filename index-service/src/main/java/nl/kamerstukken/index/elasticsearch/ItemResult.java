package nl.kamerstukken.index.elasticsearch;

/**
 * What became of one bulk operation.
 *
 * @param outcome the category
 * @param errorType Elasticsearch's error type, e.g. {@code document_parsing_exception} (null if
 *     none)
 * @param reason Elasticsearch's reason (null if none)
 */
record ItemResult(ItemOutcome outcome, String errorType, String reason) {

  static final ItemResult DONE = new ItemResult(ItemOutcome.DONE, null, null);
}
