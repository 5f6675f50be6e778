package nl.kamerstukken.parse.isolation;

import nl.kamerstukken.model.DocumentParsed;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.parse.api.ParseOutcome;

/**
 * What a parse worker answers: {@code READY} once after start (the parser is built), then one reply
 * per request, {@code PARSED} with the document or {@code FAILED} with a reason.
 *
 * @param id the request's id (0 for READY)
 * @param status READY, PARSED or FAILED
 * @param document the parsed document when PARSED
 * @param reasonCode the reason when FAILED
 * @param message what went wrong when FAILED
 * @param workerBroken the worker survived an error that may have left it in a bad state (a stack
 *     overflow) and exits after this reply: start a fresh one
 */
record WorkerReply(
    long id,
    String status,
    DocumentParsed document,
    ReasonCode reasonCode,
    String message,
    boolean workerBroken) {

  static final String READY = "READY";
  static final String PARSED = "PARSED";
  static final String FAILED = "FAILED";

  static WorkerReply ready() {
    return new WorkerReply(0, READY, null, null, null, false);
  }

  static WorkerReply of(long id, ParseOutcome outcome) {
    if (outcome instanceof ParseOutcome.Parsed parsed) {
      return new WorkerReply(id, PARSED, parsed.document(), null, null, false);
    }
    ParseOutcome.Failed failed = (ParseOutcome.Failed) outcome;
    return new WorkerReply(id, FAILED, null, failed.reasonCode(), failed.message(), false);
  }

  static WorkerReply failed(long id, ReasonCode reasonCode, String message, boolean workerBroken) {
    return new WorkerReply(id, FAILED, null, reasonCode, message, workerBroken);
  }

  /** The outcome this reply stands for, after {@code attempts} tries. */
  ParseOutcome outcome(int attempts) {
    if (PARSED.equals(status)) {
      return new ParseOutcome.Parsed(document);
    }
    return new ParseOutcome.Failed(reasonCode, message, attempts);
  }
}
