package nl.kamerstukken.index.elasticsearch;

import static nl.kamerstukken.index.document.Fixtures.RECEIVED;
import static nl.kamerstukken.index.document.Fixtures.parsed;
import static nl.kamerstukken.index.document.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import nl.kamerstukken.index.document.Fixtures;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.model.Segment;
import org.junit.jupiter.api.Test;

class WritePlanTest {

  private static final String OLD = "a".repeat(64);
  private static final String NEW = "b".repeat(64);

  private static IndexedDocument doc(String id, String identifier, int pairs, long secondsAfter) {
    List<Segment> questions =
        java.util.stream.IntStream.rangeClosed(1, pairs)
            .mapToObj(i -> segment("Vraag " + i, String.valueOf(i)))
            .toList();
    List<Segment> answers =
        java.util.stream.IntStream.rangeClosed(1, pairs)
            .mapToObj(i -> segment("Antwoord " + i, String.valueOf(i)))
            .toList();
    return Fixtures.indexed(
        parsed(id, identifier, questions, answers, RECEIVED.plusSeconds(secondsAfter)));
  }

  private static WritePlan plan(IndexedDocument doc, Map<String, StoredDocument> stored) {
    return WritePlan.of(List.of(doc), stored, o -> new byte[] {'{', '}'});
  }

  @Test
  void aNewDocumentWritesItsQaFirstAndItselfLast() {
    WritePlan plan = plan(doc(NEW, "kst-1-1", 2, 0), Map.of());

    assertThat(plan.qaPhase())
        .extracting(BulkOp::action, BulkOp::target, BulkOp::id)
        .containsExactly(
            tuple(BulkOp.Action.INDEX, SearchIndex.QA, "kst-1-1-qa-1"),
            tuple(BulkOp.Action.INDEX, SearchIndex.QA, "kst-1-1-qa-2"));
    assertThat(plan.documentPhase())
        .extracting(BulkOp::target, BulkOp::id)
        .containsExactly(tuple(SearchIndex.DOCUMENTS, "kst-1-1"));
    assertThat(plan.replacing()).isEmpty();
  }

  @Test
  void aNewVersionWithFewerPairsRemovesTheStaleOnes() {
    // Given the old version of kst-1-1 had 4 Q&A documents
    IndexedDocument old = doc(OLD, "kst-1-1", 4, 0);
    IndexedDocument next = doc(NEW, "kst-1-1", 2, 60);
    Map<String, StoredDocument> stored =
        Map.of("kst-1-1", new StoredDocument("kst-1-1", OLD, 4, old.version()));

    // When
    WritePlan plan = plan(next, stored);

    // Then positions 3 and 4 are deleted, with the new version
    assertThat(plan.qaPhase())
        .filteredOn(op -> op.action() == BulkOp.Action.DELETE)
        .extracting(BulkOp::id, BulkOp::version)
        .containsExactly(
            tuple("kst-1-1-qa-3", next.version()), tuple("kst-1-1-qa-4", next.version()));
    assertThat(plan.replacing()).containsEntry(NEW, OLD);
  }

  @Test
  void anOlderVersionThanTheStoredOneWritesNothing() {
    IndexedDocument newer = doc(NEW, "kst-1-1", 2, 60);
    IndexedDocument older = doc(OLD, "kst-1-1", 5, 0);
    Map<String, StoredDocument> stored =
        Map.of("kst-1-1", new StoredDocument("kst-1-1", NEW, 2, newer.version()));

    WritePlan plan = plan(older, stored);

    assertThat(plan.qaPhase()).isEmpty();
    assertThat(plan.documentPhase()).isEmpty();
    assertThat(plan.superseded()).containsExactly(older);
  }

  @Test
  void theSameEventAgainOverwritesInPlace() {
    IndexedDocument doc = doc(NEW, "kst-1-1", 2, 0);
    Map<String, StoredDocument> stored =
        Map.of("kst-1-1", new StoredDocument("kst-1-1", NEW, 2, doc.version()));

    WritePlan plan = plan(doc, stored);

    assertThat(plan.qaPhase())
        .extracting(BulkOp::action)
        .containsOnly(BulkOp.Action.INDEX)
        .hasSize(2);
    assertThat(plan.documentPhase()).hasSize(1);
    assertThat(plan.superseded()).isEmpty();
  }

  @Test
  void aCopyStoredUnderTheDocumentIdIsRemovedOnceTheIdentifierIsKnown() {
    // Given the same content was indexed before its identifier was parsed, under its document id
    IndexedDocument doc = doc(NEW, "kst-1-1", 1, 0);
    Map<String, StoredDocument> stored =
        Map.of(NEW, new StoredDocument(NEW, NEW, 2, doc.version()));

    WritePlan plan = plan(doc, stored);

    assertThat(plan.qaPhase())
        .filteredOn(op -> op.action() == BulkOp.Action.DELETE)
        .extracting(BulkOp::target, BulkOp::id)
        .containsExactly(
            tuple(SearchIndex.DOCUMENTS, NEW),
            tuple(SearchIndex.QA, NEW + "-qa-1"),
            tuple(SearchIndex.QA, NEW + "-qa-2"));
  }
}
