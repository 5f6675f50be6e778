package nl.kamerstukken.index.consume;

import static nl.kamerstukken.index.document.Fixtures.RECEIVED;
import static nl.kamerstukken.index.document.Fixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.kamerstukken.index.document.Fixtures;
import nl.kamerstukken.kit.kafka.Incoming;
import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.Kamerstuk;
import nl.kamerstukken.model.ReasonCode;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  private static Incoming<Kamerstuk> event(long offset, DocumentParsed value) {
    return new Incoming<>(
        "kamerstukken", 0, offset, Fixtures.kamerstuk(value).key(), Fixtures.kamerstuk(value));
  }

  private static Incoming<Kamerstuk> tombstone(long offset, String key) {
    return new Incoming<>("kamerstukken", 0, offset, key, null);
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

    BatchPlan plan = BatchPlan.of(List.of(event(1, doc), tombstone(2, "kst-1-1")));

    assertThat(plan.documents()).isEmpty();
    assertThat(plan.tombstones()).containsExactly(java.util.Map.entry("kst-1-1", 2L));
  }

  @Test
  void ofTwoEventsOfOneKamerstukOnlyTheLaterIsIndexedWithItsOffsetAsVersion() {
    // Given the Kamerstuk's representative changes from A to B between two events
    DocumentParsed first = parsed(A, "kst-1-1", List.of(), List.of(), RECEIVED.plusSeconds(60));
    DocumentParsed second = parsed(B, "kst-1-1", List.of(), List.of(), RECEIVED);

    BatchPlan plan = BatchPlan.of(List.of(event(1, first), event(2, second)));

    assertThat(plan.documents()).extracting(w -> w.indexed().documentId()).containsExactly(B);
    assertThat(plan.documents().get(0).indexed().version()).isEqualTo(2);
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
