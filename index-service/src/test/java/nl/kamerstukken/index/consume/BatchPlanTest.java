package nl.kamerstukken.index.consume;

import static nl.kamerstukken.index.document.Fixtures.RECEIVED;
import static nl.kamerstukken.index.document.Fixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.ReasonCode;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  private static Incoming<DocumentParsed> event(long offset, DocumentParsed value) {
    return new Incoming<>("parsed", 0, offset, value.documentId(), value);
  }

  private static Incoming<DocumentParsed> tombstone(long offset, String key) {
    return new Incoming<>("parsed", 0, offset, key, null);
  }

  @Test
  void aRedeliveredEventIsIndexedOnce() {
    DocumentParsed doc = parsed(A, "kst-1-1", List.of(), List.of(), RECEIVED);

    BatchPlan plan = BatchPlan.of(List.of(event(1, doc), event(2, doc)));

    assertThat(plan.documents()).hasSize(1);
    assertThat(plan.documents().get(0).event().offset()).isEqualTo(2);
    assertThat(plan.supersededInBatch()).isEqualTo(1);
  }

  @Test
  void aTombstoneAfterItsDocumentOnlyDeletes() {
    DocumentParsed doc = parsed(A, "kst-1-1", List.of(), List.of(), RECEIVED);

    BatchPlan plan = BatchPlan.of(List.of(event(1, doc), tombstone(2, A)));

    assertThat(plan.documents()).isEmpty();
    assertThat(plan.tombstones()).containsExactly(A);
  }

  @Test
  void ofTwoVersionsOfOneKamerstukOnlyTheNewestIsIndexed() {
    // Given the newer version (B) comes first in the batch, the older (A) after it
    DocumentParsed older = parsed(A, "kst-1-1", List.of(), List.of(), RECEIVED);
    DocumentParsed newer = parsed(B, "kst-1-1", List.of(), List.of(), RECEIVED.plusSeconds(60));

    BatchPlan plan = BatchPlan.of(List.of(event(1, newer), event(2, older)));

    assertThat(plan.documents()).extracting(w -> w.indexed().documentId()).containsExactly(B);
    assertThat(plan.supersededInBatch()).isEqualTo(1);
  }

  @Test
  void aTombstoneWithoutKeyIsUnusable() {
    BatchPlan plan = BatchPlan.of(List.of(tombstone(7, null)));

    assertThat(plan.unusable())
        .extracting(BatchPlan.Unusable::reasonCode)
        .containsExactly(ReasonCode.INVALID_TOMBSTONE);
    assertThat(plan.tombstones()).isEmpty();
  }
}
