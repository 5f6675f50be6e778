package nl.kamerstukken.tools.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryScoreTest {

  private static final JudgedQuery QUERY =
      new JudgedQuery("wachtlijst", Set.of("ah-1#1", "ah-1#2"), "inflection");

  @Test
  void bothRelevantOnTopIsPerfect() {
    QueryScore score =
        QueryScore.of(QUERY, List.of(Set.of("ah-1#1"), Set.of("ah-1#2"), Set.of("x#1")), 10);

    assertThat(score.ndcg()).isCloseTo(1.0, within(1e-9));
    assertThat(score.recall()).isEqualTo(1.0);
    assertThat(score.reciprocalRank()).isEqualTo(1.0);
    assertThat(score.missing()).isEmpty();
  }

  @Test
  void aRelevantHitSecondAndTheOtherMissingScoresByTheFormulas() {
    QueryScore score = QueryScore.of(QUERY, List.of(Set.of("x#1"), Set.of("ah-1#2")), 10);

    double ideal = 1 + 1 / (Math.log(3) / Math.log(2));
    assertThat(score.ndcg()).isCloseTo((1 / (Math.log(3) / Math.log(2))) / ideal, within(1e-9));
    assertThat(score.recall()).isEqualTo(0.5);
    assertThat(score.reciprocalRank()).isEqualTo(0.5);
    assertThat(score.missing()).containsExactly("ah-1#1");
  }

  @Test
  void aGroupedQuestionCountsOnceAndHitsBeyondTheCutoffNotAtAll() {
    QueryScore grouped = QueryScore.of(QUERY, List.of(Set.of("ah-1#1", "ah-1#2")), 10);
    QueryScore late = QueryScore.of(QUERY, List.of(Set.of("x#1"), Set.of("ah-1#1")), 1);

    assertThat(grouped.recall()).isEqualTo(1.0);
    assertThat(grouped.ndcg()).isLessThan(1.0);
    assertThat(late.recall()).isZero();
    assertThat(late.reciprocalRank()).isZero();
  }

  @Test
  void theReportAveragesAndNamesTheMisses() {
    RelevanceReport report =
        new RelevanceReport(
            10,
            "HUNSPELL",
            List.of(
                QueryScore.of(QUERY, List.of(Set.of("ah-1#1"), Set.of("ah-1#2")), 10),
                QueryScore.of(QUERY, List.of(Set.of("x#1")), 10)));
    StringWriter out = new StringWriter();
    report.print(new PrintWriter(out), true);

    assertThat(report.ndcg()).isCloseTo(0.5, within(1e-9));
    assertThat(report.recall()).isEqualTo(0.5);
    assertThat(report.mrr()).isEqualTo(0.5);
    assertThat(out.toString())
        .contains("2 queries, analysis HUNSPELL: nDCG@10 0.500", "missing: ah-1#1 ah-1#2");
  }

  @Test
  void aJudgedSetIsReadWithCommentsAndABadLineIsNamed(@TempDir Path dir) throws Exception {
    Path good =
        Files.writeString(
            dir.resolve("q.tsv"), "# comment\n\nwachtlijst\tah-1#1 ah-1#2\tinflection\n");
    Path bad = Files.writeString(dir.resolve("bad.tsv"), "# c\nwachtlijst\tah-1\n");

    assertThat(JudgedQueries.read(good)).containsExactly(QUERY);
    assertThatThrownBy(() -> JudgedQueries.read(bad))
        .hasMessageContaining("line 2")
        .hasMessageContaining("<identifier>#<question number>");
  }
}
