package nl.kamerstukken.kit.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of checking one record against its topic's schema.
 *
 * @param event the parsed event when valid (null for a tombstone or an invalid record)
 * @param problem why the record is invalid, or null when it is valid
 */
public record EventCheck(JsonNode event, String problem) {

  static EventCheck valid(JsonNode event) {
    return new EventCheck(event, null);
  }

  static EventCheck invalid(String problem) {
    return new EventCheck(null, problem);
  }

  public boolean valid() {
    return problem == null;
  }
}
