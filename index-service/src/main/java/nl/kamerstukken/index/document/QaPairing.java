package nl.kamerstukken.index.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.kamerstukken.model.Segment;

/**
 * Pairs numbered questions with the answers that carry their numbers.
 *
 * <p>Rules, chosen so that every Kamervraag is its own search hit:
 *
 * <ul>
 *   <li>One pair per question segment, in document order. A grouped question ("Vraag 3, 4 en 5",
 *       one text) stays one pair with three numbers: its text cannot be split reliably.
 *   <li>An answer covering several question segments ("Antwoord 5 en 6" after "Vraag 5" and "Vraag
 *       6") is copied into each of their pairs, so each question has its full answer.
 *   <li>A question whose numbers are answered by several answer segments gets them all, joined by a
 *       blank line.
 *   <li>When a number occurs more than once (two rounds of questions both numbered from 1), the
 *       k-th question with that number is paired with the k-th answer carrying it.
 *   <li>On a page that prints several Aanhangsel items (segments with an {@link Segment#item()}), a
 *       question is paired only with answers of its own item.
 *   <li>An answer no question claims becomes a pair of its own without question text, after the
 *       questions.
 * </ul>
 */
final class QaPairing {

  private QaPairing() {}

  /** A question with its answer(s), before the document's metadata is attached. */
  record Pair(
      List<String> questionNumbers,
      List<String> answerNumbers,
      String questionText,
      String answerText,
      List<Integer> questionPages,
      List<Integer> answerPages) {}

  static List<Pair> pair(List<Segment> questions, List<Segment> answers) {
    Map<String, Deque<Integer>> answersByNumber = indexByNumber(answers);
    Set<Integer> claimed = new TreeSet<>();
    List<Pair> pairs = new ArrayList<>();
    for (Segment question : questions) {
      Set<Integer> mine = new TreeSet<>();
      for (String number : new LinkedHashSet<>(question.numbers())) {
        Integer answer =
            answersByNumber.getOrDefault(key(question, number), new ArrayDeque<>()).poll();
        if (answer != null) {
          mine.add(answer);
        }
      }
      claimed.addAll(mine);
      pairs.add(combine(question, mine.stream().map(answers::get).toList()));
    }
    for (int i = 0; i < answers.size(); i++) {
      if (!claimed.contains(i)) {
        Segment answer = answers.get(i);
        pairs.add(
            new Pair(List.of(), answer.numbers(), null, answer.text(), List.of(), answer.pages()));
      }
    }
    return pairs;
  }

  /** For each number, the indices of the answers carrying it, in document order. */
  private static Map<String, Deque<Integer>> indexByNumber(List<Segment> answers) {
    Map<String, Deque<Integer>> byNumber = new HashMap<>();
    for (int i = 0; i < answers.size(); i++) {
      for (String number : new LinkedHashSet<>(answers.get(i).numbers())) {
        byNumber.computeIfAbsent(key(answers.get(i), number), n -> new ArrayDeque<>()).add(i);
      }
    }
    return byNumber;
  }

  /** A number within its item: numbering restarts per Aanhangsel item. */
  private static String key(Segment segment, String number) {
    return segment.item() == null ? number : segment.item() + "#" + number;
  }

  private static Pair combine(Segment question, List<Segment> answers) {
    if (answers.isEmpty()) {
      return new Pair(
          question.numbers(), List.of(), question.text(), null, question.pages(), List.of());
    }
    List<String> numbers = answers.stream().flatMap(a -> a.numbers().stream()).distinct().toList();
    String text = answers.stream().map(Segment::text).collect(Collectors.joining("\n\n"));
    List<Integer> pages =
        answers.stream().flatMap(a -> a.pages().stream()).distinct().sorted().toList();
    return new Pair(question.numbers(), numbers, question.text(), text, question.pages(), pages);
  }
}
