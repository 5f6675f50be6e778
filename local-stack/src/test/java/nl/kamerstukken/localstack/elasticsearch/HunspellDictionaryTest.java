package nl.kamerstukken.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HunspellDictionaryTest {

  @TempDir Path dir;

  @Test
  void givenTheDebianLayoutWithLinksWhenInstalledThenTheNodeConfigHoldsBothFiles()
      throws Exception {
    Path source = Files.createDirectories(dir.resolve("hunspell"));
    Files.writeString(source.resolve("nl.aff"), "SET UTF-8\n");
    Files.writeString(source.resolve("nl.dic"), "1\nvraag\n");
    Files.createSymbolicLink(source.resolve("nl_NL.aff"), Path.of("nl.aff"));
    Files.createSymbolicLink(source.resolve("nl_NL.dic"), Path.of("nl.dic"));
    Path config = Files.createDirectories(dir.resolve("config"));

    assertThat(HunspellDictionary.install(source, config)).isTrue();

    Path installed = config.resolve("hunspell/nl_NL");
    assertThat(installed.resolve("nl_NL.aff")).isRegularFile().hasContent("SET UTF-8");
    assertThat(installed.resolve("nl_NL.dic")).isRegularFile().hasContent("1\nvraag");
    assertThat(Files.isSymbolicLink(installed.resolve("nl_NL.dic"))).isFalse();
  }

  @Test
  void givenNoDictionaryWhenInstalledThenNothingIsCopiedAndTheNodeRunsWithout() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));

    assertThat(HunspellDictionary.install(dir.resolve("missing"), config)).isFalse();
    assertThat(config.resolve("hunspell")).doesNotExist();
  }

  @Test
  void theSourceIsTheEnvironmentsFolderElseDebians() {
    assertThat(HunspellDictionary.source(Map.of(HunspellDictionary.DIR_ENV, "/opt/dict")))
        .isEqualTo(Path.of("/opt/dict"));
    assertThat(HunspellDictionary.source(Map.of())).isEqualTo(Path.of("/usr/share/hunspell"));
  }
}
