package nl.kamerstukken.localstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortTest {

  @Test
  void zeroBecomesAFreePortAndAnyOtherPortStays() {
    assertThat(FreePort.resolve(0)).isBetween(1, 65_535);
    assertThat(FreePort.resolve(9092)).isEqualTo(9092);
  }

  @Test
  void aTakenPortIsReportedWithTheServiceName() throws IOException {
    // Given
    try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      // When / Then
      assertThatThrownBy(() -> FreePort.requireFree(taken.getLocalPort(), "Kafka"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Kafka cannot use port [" + taken.getLocalPort() + "]")
          .hasMessageContaining("in use");
    }
  }
}
