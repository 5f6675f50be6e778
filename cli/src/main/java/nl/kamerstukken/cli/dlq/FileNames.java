package nl.kamerstukken.cli.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import nl.kamerstukken.model.DeadLetter;

/**
 * The file a dead letter is about, read from its original event (received, parsed or ingest's own).
 */
final class FileNames {

  private FileNames() {}

  static String of(DeadLetter letter) {
    JsonNode event = letter.originalEvent();
    if (event == null || !event.isObject()) {
      return "-";
    }
    for (JsonNode candidate :
        new JsonNode[] {
          event.path("fileName"), event.path("source").path("fileName"), event.path("sourcePath")
        }) {
      if (candidate.isTextual() && !candidate.asText().isBlank()) {
        return candidate.asText();
      }
    }
    return "-";
  }
}
