package nl.kamerstukken.parse.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.model.SourceFile;
import nl.kamerstukken.parse.DocumentParser;
import nl.kamerstukken.parse.KamerstukParser;
import nl.kamerstukken.parse.api.ParseOutcome;
import nl.kamerstukken.parse.api.ParserSettings;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  @Test
  void warmUpExercisesTheRealParsePathWithAKamerstukItCanRead() {
    List<ParseOutcome> outcomes = new ArrayList<>();
    try (KamerstukParser real =
        KamerstukParser.create(ParserSettings.defaults().withOcr(false, "nld"))) {
      DocumentParser recording =
          new DocumentParser() {
            @Override
            public ParseOutcome parse(Path file, SourceFile source, Instant receivedAt) {
              ParseOutcome outcome = real.parse(file, source, receivedAt);
              outcomes.add(outcome);
              return outcome;
            }

            @Override
            public void close() {}
          };

      WarmUp.run(recording, Duration.ofMillis(300));
    }

    assertThat(outcomes)
        .isNotEmpty()
        .allSatisfy(
            outcome -> {
              assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
              var document = ((ParseOutcome.Parsed) outcome).document();
              assertThat(document.questions()).hasSize(18);
              assertThat(document.answers()).hasSize(18);
              assertThat(document.text())
                  .contains("verantwoordelijk voor")
                  .doesNotContain("vergaderjaar");
            });
  }

  @Test
  void aZeroBudgetParsesNothingAndAWarmUpLeavesNoFileBehind() throws Exception {
    long before = tempWarmUpFiles();
    List<Path> parsed = new ArrayList<>();
    DocumentParser counting = counting(parsed);

    WarmUp.run(counting, Duration.ZERO);
    assertThat(parsed).isEmpty();

    WarmUp.run(counting, Duration.ofMillis(50));

    assertThat(parsed).isNotEmpty().allSatisfy(file -> assertThat(file).doesNotExist());
    assertThat(tempWarmUpFiles()).isEqualTo(before);
  }

  @Test
  void warmUpParsesOnlyWhileIdleAndSpendsItsBudgetOnceOverAllIdleSpells() throws Exception {
    long before = tempWarmUpFiles();
    List<Path> parsed = new ArrayList<>();
    DocumentParser counting = counting(parsed);
    try (WarmUp warmUp = WarmUp.of(Duration.ofMillis(100))) {
      // A request waits: no warm-up parse at all
      warmUp.whileIdle(counting, () -> false);
      assertThat(parsed).isEmpty();

      // Idle for three checks, then a request arrives: exactly three parses
      int[] checks = {0};
      warmUp.whileIdle(counting, () -> checks[0]++ < 3);
      assertThat(parsed).hasSize(3);

      // Idle for good: parses until the budget is spent, then never again
      warmUp.whileIdle(counting, () -> true);
      int spent = parsed.size();
      assertThat(spent).isGreaterThan(3);
      assertThat(tempWarmUpFiles()).as("the warm-up document is gone once spent").isEqualTo(before);
      warmUp.whileIdle(counting, () -> true);
      assertThat(parsed).hasSize(spent);
    }
  }

  /** A parser that only notes which files it was given. */
  private static DocumentParser counting(List<Path> parsed) {
    return new DocumentParser() {
      @Override
      public ParseOutcome parse(Path file, SourceFile source, Instant receivedAt) {
        parsed.add(file);
        return new ParseOutcome.Failed(ReasonCode.EMPTY_DOCUMENT, "test");
      }

      @Override
      public void close() {}
    };
  }

  private static long tempWarmUpFiles() throws Exception {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("kamerstukken-warm-up-"))
          .count();
    }
  }
}
