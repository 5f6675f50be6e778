package nl.kamerstukken.index.consume;

import java.util.List;
import nl.kamerstukken.index.document.IndexedDocument;
import nl.kamerstukken.kit.kafka.RetryableException;

/**
 * Told about the Kamerstukken a batch has just written (not the superseded or refused ones), before
 * the batch's offsets are committed: so whatever it does is redone, never skipped, after a crash.
 * The live service matches saved searches here; a reindex passes {@link #NONE}.
 */
@FunctionalInterface
public interface NewQa {

  NewQa NONE = documents -> {};

  void indexed(List<IndexedDocument> documents) throws RetryableException;
}
