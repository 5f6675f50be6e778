package nl.kamerstukken.tools.relevance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a judged query set: a UTF-8 text file, one query per line, tab-separated: the query; the
 * relevant Q&A as {@code <identifier>#<question number>} separated by spaces; optionally the kind
 * of query. Blank lines and lines starting with {@code #} are comments.
 */
public final class JudgedQueries {

  private static final Pattern QA_ID = Pattern.compile("[^\\s#]+#[^\\s#]+");

  private JudgedQueries() {}

  /**
   * @throws IllegalArgumentException naming the file and line of the first malformed line
   */
  public static List<JudgedQuery> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<JudgedQuery> queries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        queries.add(parse(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (queries.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no judged query");
    }
    return queries;
  }

  static JudgedQuery parse(String line) {
    String[] columns = line.split("\t");
    if (columns.length < 2) {
      throw new IllegalArgumentException(
          "expected <query> TAB <identifier#number ...> [TAB <kind>], got '" + line + "'");
    }
    Set<String> relevant = new LinkedHashSet<>();
    for (String id : columns[1].strip().split("\\s+")) {
      if (!QA_ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "'" + id + "' is no Q&A reference; write <identifier>#<question number>");
      }
      relevant.add(id);
    }
    return new JudgedQuery(columns[0].strip(), relevant, columns.length > 2 ? columns[2] : null);
  }
}
