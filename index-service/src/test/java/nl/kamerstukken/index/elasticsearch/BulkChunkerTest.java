package nl.kamerstukken.index.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BulkChunkerTest {

  @Test
  void splitsByCount() {
    List<List<Integer>> chunks = BulkChunker.split(List.of(1, 2, 3, 4, 5), i -> 10, 2, 1_000);

    assertThat(chunks).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
  }

  @Test
  void splitsByBytesKeepingOrder() {
    // Given items of 40, 40, 30, 50 bytes and at most 100 bytes per request
    List<Integer> sizes = List.of(40, 40, 30, 50);

    List<List<Integer>> chunks = BulkChunker.split(sizes, i -> i, 500, 100);

    assertThat(chunks).containsExactly(List.of(40, 40), List.of(30, 50));
  }

  @Test
  void anItemLargerThanTheLimitGoesAlone() {
    List<List<Integer>> chunks = BulkChunker.split(List.of(10, 500, 10), i -> i, 500, 100);

    assertThat(chunks).containsExactly(List.of(10), List.of(500), List.of(10));
  }

  @Test
  void nothingGivesNoRequest() {
    assertThat(BulkChunker.split(List.<Integer>of(), i -> i, 10, 10)).isEmpty();
  }

  @Test
  void operationSizeCountsItsSource() {
    BulkOp small = BulkOp.index(SearchIndex.QA, "k-qa-1", 1, new byte[10], "d");
    BulkOp large = BulkOp.index(SearchIndex.QA, "k-qa-1", 1, new byte[10_000], "d");

    assertThat(large.bytes() - small.bytes()).isEqualTo(9_990);
    assertThat(BulkOp.delete(SearchIndex.QA, "k-qa-1", 1, "d").bytes()).isPositive();
  }
}
