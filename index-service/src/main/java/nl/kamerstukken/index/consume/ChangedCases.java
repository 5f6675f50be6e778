package nl.kamerstukken.index.consume;

import java.util.List;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.Kamervraag;

/**
 * Told about the Kamervraag cases a batch has just written (the last event per case, no tombstones
 * nor refused ones), before the batch's offsets are committed. The live service matches saved
 * searches against postponed cases here.
 */
@FunctionalInterface
public interface ChangedCases {

  ChangedCases NONE = cases -> {};

  void written(List<Kamervraag> cases) throws RetryableException;
}
