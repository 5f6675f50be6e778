package nl.kamerstukken.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCorpusTest {

  @TempDir Path root;

  @Test
  void environmentVariableWinsAndIsTheOnlyPlaceLookedAtWhenSet() throws IOException {
    // Given
    Path fromEnv = Files.createDirectories(root.resolve("elsewhere/corpus"));
    Path fromProperty = Files.createDirectories(root.resolve("property/corpus"));

    // When
    TestCorpus.Lookup lookup = TestCorpus.lookup(fromEnv.toString(), fromProperty.toString(), root);

    // Then
    assertThat(lookup.found()).contains(fromEnv);
  }

  @Test
  void aMissingCorpusNamedByTheEnvironmentIsReportedWithoutFallingBack() throws IOException {
    // Given a property that would work
    Path fromProperty = Files.createDirectories(root.resolve("property/corpus"));

    // When
    TestCorpus.Lookup lookup = TestCorpus.lookup("/nowhere/corpus", fromProperty.toString(), root);

    // Then
    assertThat(lookup.found()).isEmpty();
    assertThat(lookup.notFoundMessage())
        .contains("corpus not found at KAMERSTUKKEN_CORPUS=/nowhere/corpus")
        .contains("set KAMERSTUKKEN_CORPUS");
  }

  @Test
  void systemPropertyIsUsedWhenTheEnvironmentIsSilent() throws IOException {
    // Given
    Path fromProperty = Files.createDirectories(root.resolve("property/corpus"));

    // When
    TestCorpus.Lookup lookup = TestCorpus.lookup(null, fromProperty.toString(), root);

    // Then
    assertThat(lookup.found()).contains(fromProperty);
  }

  @Test
  void sharedCorpusBesideAParentOfTheWorkingDirIsFound() throws IOException {
    // Given the layout work/main/local-stack beside work/shared/corpus
    Path corpus = Files.createDirectories(root.resolve("work/shared/corpus"));
    Path workingDir = Files.createDirectories(root.resolve("work/main/local-stack"));

    // When
    TestCorpus.Lookup lookup =
        TestCorpus.lookup(null, root.resolve("missing").toString(), workingDir);

    // Then
    assertThat(lookup.found()).contains(corpus);
  }

  @Test
  void notFoundMessageListsEveryPlaceTried() throws IOException {
    // Given
    Path workingDir = Files.createDirectories(root.resolve("a/b"));

    // When
    TestCorpus.Lookup lookup = TestCorpus.lookup(null, null, workingDir);

    // Then
    assertThat(lookup.found()).isEmpty();
    assertThat(lookup.notFoundMessage())
        .contains(root.resolve("a/shared/corpus").toString())
        .contains(root.resolve("shared/corpus").toString())
        .contains("set KAMERSTUKKEN_CORPUS");
  }
}
