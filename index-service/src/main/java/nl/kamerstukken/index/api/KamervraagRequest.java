package nl.kamerstukken.index.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import nl.kamerstukken.model.Json;

/**
 * The Elasticsearch query of a {@link KamervraagQuery}. "Overdue today" is computed at query time:
 * answered cases carry their judgement ({@code overdue}); unanswered ones are overdue when their
 * due date is before today and no postponement came on or before it.
 */
final class KamervraagRequest {

  private KamervraagRequest() {}

  static ObjectNode body(KamervraagQuery query, LocalDate today) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("size", query.size());
    body.put("from", query.offset());
    body.put("track_total_hits", true);
    ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
    if (query.status() != null) {
      filter.addObject().putObject("term").put("status", query.status());
    }
    if (query.party() != null) {
      filter.addObject().putObject("term").put("parties", query.party());
    }
    if (query.ministry() != null) {
      ObjectNode either = filter.addObject().putObject("bool");
      ArrayNode should = either.putArray("should");
      should.addObject().putObject("term").put("ministry", query.ministry());
      should.addObject().putObject("match_phrase").put("ministry.text", query.ministry());
      either.put("minimum_should_match", 1);
    }
    if (query.overdue()) {
      filter.add(overdueOn(today));
    }
    ArrayNode sort = body.putArray("sort");
    sort.addObject().putObject("submittedDate").put("order", "desc").put("missing", "_last");
    sort.addObject().put("caseKey", "asc");
    return body;
  }

  static ObjectNode overdueOn(LocalDate today) {
    ObjectNode clause = Json.mapper().createObjectNode();
    ObjectNode either = clause.putObject("bool");
    ArrayNode should = either.putArray("should");
    ArrayNode answered = should.addObject().putObject("bool").putArray("filter");
    answered.addObject().putObject("term").put("status", "answered");
    answered.addObject().putObject("term").put("overdue", true);
    ArrayNode unanswered = should.addObject().putObject("bool").putArray("filter");
    unanswered.addObject().putObject("terms").putArray("status").add("open").add("postponed");
    unanswered.addObject().putObject("range").putObject("dueDate").put("lt", today.toString());
    unanswered.addObject().putObject("term").put("postponedInTime", false);
    either.put("minimum_should_match", 1);
    return clause;
  }
}
