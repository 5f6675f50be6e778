package nl.kamerstukken.index.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.net.ConnectException;
import nl.kamerstukken.kit.kafka.RetryableException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void successAndMissingDeletesAreDone() {
    assertThat(Failures.classify(OperationType.Index, 201, null)).isEqualTo(ItemOutcome.DONE);
    assertThat(Failures.classify(OperationType.Index, 200, null)).isEqualTo(ItemOutcome.DONE);
    assertThat(Failures.classify(OperationType.Delete, 404, null)).isEqualTo(ItemOutcome.DONE);
  }

  @Test
  void overloadAndServerErrorsAreRetried() {
    assertThat(Failures.classify(OperationType.Index, 429, "es_rejected_execution_exception"))
        .isEqualTo(ItemOutcome.RETRY);
    assertThat(Failures.classify(OperationType.Index, 503, "unavailable_shards_exception"))
        .isEqualTo(ItemOutcome.RETRY);
    assertThat(Failures.classify(OperationType.Index, 500, "exception"))
        .isEqualTo(ItemOutcome.RETRY);
    assertThat(Failures.classify(OperationType.Index, 400, "es_rejected_execution_exception"))
        .isEqualTo(ItemOutcome.RETRY);
  }

  @Test
  void anOlderVersionIsSupersededNotAFailure() {
    assertThat(Failures.classify(OperationType.Index, 409, "version_conflict_engine_exception"))
        .isEqualTo(ItemOutcome.SUPERSEDED);
  }

  @Test
  void unparseableDocumentsAreRejected() {
    assertThat(Failures.classify(OperationType.Index, 400, "document_parsing_exception"))
        .isEqualTo(ItemOutcome.REJECTED);
    assertThat(Failures.classify(OperationType.Index, 400, "strict_dynamic_mapping_exception"))
        .isEqualTo(ItemOutcome.REJECTED);
  }

  @Test
  void aMissingAliasStopsTheService() {
    assertThat(Failures.classify(OperationType.Index, 404, "index_not_found_exception"))
        .isEqualTo(ItemOutcome.FATAL);
  }

  @Test
  void anUnreachableClusterIsRetryable() {
    assertThatThrownBy(
            () ->
                Failures.call(
                    "bulk",
                    () -> {
                      throw new ConnectException("Connection refused");
                    }))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void wholeRequestStatusesAreSorted() {
    assertThatThrownBy(
            () ->
                Failures.call(
                    "bulk",
                    () -> {
                      throw error(429, "es_rejected_execution_exception");
                    }))
        .isInstanceOf(RetryableException.class);
    assertThatThrownBy(
            () ->
                Failures.call(
                    "bulk",
                    () -> {
                      throw error(503, "cluster_block_exception");
                    }))
        .isInstanceOf(RetryableException.class);
    assertThatThrownBy(
            () ->
                Failures.call(
                    "bulk",
                    () -> {
                      throw error(401, "security_exception");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("INDEX_ELASTICSEARCH_API_KEY");
    assertThatThrownBy(
            () ->
                Failures.call(
                    "bulk",
                    () -> {
                      throw error(400, "illegal_argument_exception");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused the request");
  }

  private static ElasticsearchException error(int status, String type) {
    return new ElasticsearchException(
        "bulk", ErrorResponse.of(e -> e.status(status).error(c -> c.type(type).reason("test"))));
  }
}
