package nl.kamerstukken.tools.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.Json;

/**
 * A corpus truth file ({@code truth/<name>.json}): what a reader found in the document.
 *
 * @param file the document the truth was written for
 * @param docType the document's kind
 * @param identifier the printed identifier, or null
 * @param metadata the truth's metadata object (fields vary per document)
 * @param questions the numbered questions
 * @param answers the numbered answers
 * @param ocrWords words on image pages that OCR must find
 */
public record Truth(
    String file,
    String docType,
    String identifier,
    JsonNode metadata,
    List<Entry> questions,
    List<Entry> answers,
    List<String> ocrWords) {

  /** One question or answer: its label's numbers, the first 8 and the last 6 words of its text. */
  public record Entry(List<String> numbers, String start, String end) {
    public Entry {
      numbers = List.copyOf(numbers);
    }
  }

  public static Truth read(Path path) throws IOException {
    JsonNode root = Json.mapper().readTree(path.toFile());
    return new Truth(
        text(root, "file"),
        text(root, "docType"),
        text(root, "identifier"),
        root.path("metadata"),
        entries(root.path("questions")),
        entries(root.path("answers")),
        strings(root.path("ocrWords")));
  }

  private static List<Entry> entries(JsonNode array) {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : array) {
      entries.add(new Entry(strings(node.path("numbers")), text(node, "start"), text(node, "end")));
    }
    return entries;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode node : array) {
      values.add(node.asText());
    }
    return values;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
