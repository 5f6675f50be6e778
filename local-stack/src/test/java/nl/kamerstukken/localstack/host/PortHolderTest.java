package nl.kamerstukken.localstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PortHolderTest {

  @Test
  void namesTheProcessListeningOnAPort() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net/tcp on this machine");
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = socket.getLocalPort();

      assertThat(PortHolder.free(port)).isFalse();
      assertThat(PortHolder.of(port))
          .hasValueSatisfying(
              holder ->
                  assertThat(holder)
                      .startsWith("pid " + ProcessHandle.current().pid() + " (")
                      .contains("java"));
    }
  }

  @Test
  void aFreePortHasNoHolder() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertThat(PortHolder.free(port)).isTrue();
    assertThat(PortHolder.of(port)).isEmpty();
  }
}
