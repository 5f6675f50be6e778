package nl.kamerstukken.index.alert;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.kamerstukken.kit.kafka.RetryableException;
import nl.kamerstukken.model.AlertMatch;

/** Which alerts were delivered, by idempotency key (see {@link DeliveryLedger}). */
interface Ledger {

  /** The keys among {@code keys} that were delivered. */
  Set<String> delivered(List<String> keys) throws RetryableException;

  /** Records that {@code alert} was delivered (the receiver answered {@code status}). */
  void record(AlertMatch alert, int status, Instant at) throws RetryableException;
}
