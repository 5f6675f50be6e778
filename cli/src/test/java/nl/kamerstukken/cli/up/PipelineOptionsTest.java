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
  void assembleServiceTrimsItsNativeHeapOnJdksThatHaveTheOption() {
    assertThat(Pipeline.assembleOptions(Runtime.Version.parse("25.0.3+9-LTS")))
        .containsSubsequence("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");
  }

  @Test
  void theNativeHeapTrimIsLeftOutWhereTheJdkWouldRefuseToStartWithIt() {
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("17.0.8"))).isFalse();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("17.0.9"))).isTrue();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("17.0.15+6"))).isTrue();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("20.0.2"))).isFalse();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("21+35"))).isFalse();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("21.0.1"))).isTrue();
    assertThat(Pipeline.trimsNativeHeap(Runtime.Version.parse("22"))).isTrue();
  }
}
