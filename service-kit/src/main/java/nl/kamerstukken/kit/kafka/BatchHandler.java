package nl.kamerstukken.kit.kafka;

import java.util.List;

/**
 * What a service does with a batch of events.
 *
 * <p>Contract: returning normally means the effect of every record in the batch is durable
 * (written, published and acknowledged, or dead-lettered), so the worker may commit their offsets.
 * Throwing {@link RetryableException} means nothing may be committed and the same batch is offered
 * again after a backoff; any other exception is a bug or a broken environment and stops the
 * service.
 */
@FunctionalInterface
public interface BatchHandler<V> {

  void handle(List<Incoming<V>> batch) throws Exception;
}
