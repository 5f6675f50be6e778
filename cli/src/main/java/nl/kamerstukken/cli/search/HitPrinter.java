package nl.kamerstukken.cli.search;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.index.api.SearchHit;
import nl.kamerstukken.index.api.SearchQuery;
import nl.kamerstukken.index.api.SearchResult;

/**
 * Writes search hits for a person reading a terminal: who, when, which question, and the matching
 * fragments.
 */
final class HitPrinter {

  private static final int PLAIN_LENGTH = 300;
  private final PrintWriter out;

  HitPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(SearchQuery query, SearchResult result) {
    String what = query.text() == null ? "all questions" : "\"" + query.text() + "\"";
    out.printf(
        "%d question(s) for %s%s%n",
        result.total(),
        what,
        result.hits().isEmpty() ? "" : ", best " + result.hits().size() + ":");
    int rank = 1;
    for (SearchHit hit : result.hits()) {
      out.println();
      out.printf("%2d. %s%n", rank++, heading(hit));
      if (hit.title() != null) {
        out.println("    " + hit.title());
      }
      out.println("    Q: " + text(hit, "questionText", hit.questionText()));
      out.println(
          "    A: "
              + text(
                  hit,
                  "answerText",
                  hit.answerText() == null ? "(not answered)" : hit.answerText()));
      out.println(
          "    file: "
              + (hit.fileName() == null ? "?" : hit.fileName())
              + pages(hit)
              + "  (document "
              + hit.documentId()
              + ")");
      if (!hit.references().isEmpty()) {
        out.println(
            "    refers to: "
                + String.join(", ", hit.references().stream().map(r -> r.identifier()).toList()));
      }
      out.println("    id: " + hit.id() + "  (./kamerstukken similar " + hit.id() + ")");
    }
    out.flush();
  }

  private static String heading(SearchHit hit) {
    List<String> parts = new ArrayList<>();
    parts.add(hit.identifier() == null ? hit.documentId() : hit.identifier());
    parts.add(hit.date() == null ? "date unknown" : hit.date().toString());
    if (!hit.questionNumbers().isEmpty()) {
      parts.add("question " + String.join(", ", hit.questionNumbers()));
    }
    List<String> who = new ArrayList<>(hit.askedBy());
    if (!hit.parties().isEmpty()) {
      who.add("(" + String.join(", ", hit.parties()) + ")");
    }
    if (!who.isEmpty()) {
      parts.add(String.join(" ", who));
    }
    List<String> to = hit.ministry().isEmpty() ? hit.answeredBy() : hit.ministry();
    if (!to.isEmpty()) {
      parts.add("-> " + String.join(", ", to));
    }
    return String.join("  ", parts);
  }

  /** " question p. 2, answer p. 2-3", or nothing when the pages are unknown. */
  private static String pages(SearchHit hit) {
    List<String> parts = new ArrayList<>();
    if (!hit.questionPages().isEmpty()) {
      parts.add("question " + range(hit.questionPages()));
    }
    if (!hit.answerPages().isEmpty()) {
      parts.add("answer " + range(hit.answerPages()));
    }
    return parts.isEmpty() ? "" : "  " + String.join(", ", parts);
  }

  private static String range(List<Integer> pages) {
    int first = pages.get(0);
    int last = pages.get(pages.size() - 1);
    return first == last ? "p. " + first : "p. " + first + "-" + last;
  }

  /** The highlighted fragments when the field matched, else the start of the text. */
  private static String text(SearchHit hit, String field, String plain) {
    List<String> fragments = hit.highlights().get(field);
    if (fragments != null && !fragments.isEmpty()) {
      return String.join(" ... ", fragments).replaceAll("\\s+", " ");
    }
    String flat = plain == null ? "(none)" : plain.replaceAll("\\s+", " ");
    return flat.length() <= PLAIN_LENGTH ? flat : flat.substring(0, PLAIN_LENGTH) + " ...";
  }
}
