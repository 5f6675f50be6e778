package nl.kamerstukken.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.Set;
import nl.kamerstukken.kit.kafka.RetryableException;

/** Sorts Elasticsearch's answers into retry, give up on one document, or stop. */
final class Failures {

  private static final Set<String> RETRYABLE_TYPES =
      Set.of(
          "es_rejected_execution_exception",
          "circuit_breaking_exception",
          "unavailable_shards_exception",
          "no_shard_available_action_exception",
          "process_cluster_event_timeout_exception");

  private Failures() {}

  /** One item of a bulk response, by its HTTP status and error type (null when it succeeded). */
  static ItemOutcome classify(OperationType operation, int status, String errorType) {
    if (status >= 200 && status < 300) {
      return ItemOutcome.DONE;
    }
    if (status == 404 && operation == OperationType.Delete && errorType == null) {
      return ItemOutcome.DONE;
    }
    if ("index_not_found_exception".equals(errorType)) {
      return ItemOutcome.FATAL;
    }
    if (status == 409 && "version_conflict_engine_exception".equals(errorType)) {
      return ItemOutcome.SUPERSEDED;
    }
    if (status == 429 || status >= 500 || RETRYABLE_TYPES.contains(errorType)) {
      return ItemOutcome.RETRY;
    }
    return ItemOutcome.REJECTED;
  }

  /** A call to Elasticsearch whose failure of the whole request is sorted by {@link #call}. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  /**
   * Runs a whole request. Unreachable, 429 and 5xx become {@link RetryableException} (the worker
   * pauses and offers the batch again); refused credentials and other client errors are not going
   * to pass by waiting and become {@link IllegalStateException}, which stops the service loudly.
   */
  static <T> T call(String what, Call<T> call) throws RetryableException {
    try {
      return call.run();
    } catch (ElasticsearchException e) {
      throw sorted(what, e.status(), e.getMessage(), e);
    } catch (TransportException e) {
      throw sorted(what, e.statusCode(), e.getMessage(), e);
    } catch (IOException e) {
      throw new RetryableException(what + ": Elasticsearch unreachable: " + e, e);
    }
  }

  private static RuntimeException sorted(String what, int status, String message, Exception e)
      throws RetryableException {
    if (status == 429 || status >= 500 || status == 0) {
      throw new RetryableException(what + ": Elasticsearch answered " + status + ": " + message, e);
    }
    if (status == 401 || status == 403) {
      return new IllegalStateException(
          what
              + ": Elasticsearch refused the credentials ("
              + status
              + "): check "
              + "INDEX_ELASTICSEARCH_USERNAME/_PASSWORD or INDEX_ELASTICSEARCH_API_KEY and their privileges",
          e);
    }
    return new IllegalStateException(
        what + ": Elasticsearch refused the request (" + status + "): " + message, e);
  }

  static boolean isRetryableStatus(int status) {
    return status == 429 || status >= 500;
  }
}
