package nl.kamerstukken.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineOptionsTest {

  @Test
  void assembleServiceRunsG1WithAFifthOfItsTimeForCollecting() {
    assertThat(Pipeline.assembleOptions(Runtime.Version.parse("17.0.8")))
        .containsExactly("-XX:+UseG1GC", "-XX:GCTimeRatio=4");
  }

  @Test
  void assembleServiceTrimsItsNativeHeapWhereTheOptionIsAProductOne() {
    assertThat(Pipeline.assembleOptions(Runtime.Version.parse("25.0.3+9-LTS")))
        .containsExactly("-XX:+UseG1GC", "-XX:GCTimeRatio=4", "-XX:TrimNativeHeapInterval=5000");
  }

  @Test
  void theNativeHeapTrimIsLeftOutOnJdksThatHaveItOnlyAsAnExperimentalBackport() {
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("17.0.8"))).isFalse();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("17.0.15+6"))).isFalse();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("21.0.1"))).isFalse();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("22"))).isTrue();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("25.0.1+8"))).isTrue();
    assertThat(Pipeline.assembleOptions(Runtime.Version.parse("17.0.15+6")))
        .containsExactly("-XX:+UseG1GC", "-XX:GCTimeRatio=4");
  }
}
