package nl.kamerstukken.pipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import nl.kamerstukken.model.Json;

/**
 * How many Q&A search hits a document's ground truth implies: one per question entry (a grouped
 * label "Vraag 3, 4 en 5" is one entry), plus one per answer entry that answers none of the
 * questions.
 */
final class ExpectedQa {

  private ExpectedQa() {}

  static int count(Path truthFile) throws IOException {
    JsonNode truth = Json.mapper().readTree(truthFile.toFile());
    Set<String> asked = new HashSet<>();
    int hits = 0;
    for (JsonNode question : truth.path("questions")) {
      question.path("numbers").forEach(n -> asked.add(n.asText()));
      hits++;
    }
    for (JsonNode answer : truth.path("answers")) {
      boolean answersAQuestion = false;
      for (JsonNode n : answer.path("numbers")) {
        answersAQuestion |= asked.contains(n.asText());
      }
      hits += answersAQuestion ? 0 : 1;
    }
    return hits;
  }
}
