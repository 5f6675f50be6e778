package nl.kamerstukken.assemble.kamervraag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.kamerstukken.model.Kamervraag;
import nl.kamerstukken.model.Segment;

/**
 * The numbered questions of a case with their answers. The questions come from the question
 * document, else the answer (which reprints them), else a Mededeling; each gets every answer
 * segment of the (first) answer document that carries one of its numbers, joined by a blank line.
 */
final class CaseQuestions {

  private CaseQuestions() {}

  /** {@code docs} in source order: question, answer, postponement. */
  static List<Kamervraag.CaseQuestion> of(List<CaseContribution> docs) {
    List<Segment> questions =
        docs.stream()
            .map(CaseContribution::questions)
            .filter(q -> !q.isEmpty())
            .findFirst()
            .orElse(List.of());
    List<Segment> answers =
        docs.stream()
            .filter(c -> c.role() == Kamervraag.Role.ANSWER)
            .map(CaseContribution::answers)
            .filter(a -> !a.isEmpty())
            .findFirst()
            .orElse(List.of());
    List<Kamervraag.CaseQuestion> paired = new ArrayList<>();
    for (Segment question : questions) {
      Set<String> numbers = new LinkedHashSet<>();
      List<String> texts = new ArrayList<>();
      for (Segment answer : answers) {
        if (answer.numbers().stream().anyMatch(question.numbers()::contains)) {
          numbers.addAll(answer.numbers());
          texts.add(answer.text());
        }
      }
      paired.add(
          new Kamervraag.CaseQuestion(
              question.numbers(),
              question.text(),
              List.copyOf(numbers),
              texts.isEmpty() ? null : String.join("\n\n", texts)));
    }
    return paired;
  }
}
