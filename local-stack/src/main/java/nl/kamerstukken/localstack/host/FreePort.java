package nl.kamerstukken.localstack.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for the local services. */
public final class FreePort {

  private FreePort() {}

  /**
   * Returns {@code requested}, or a port that is free right now when {@code requested} is 0. The
   * caller keeps the answer for the life of its service so that a restart comes back on the same
   * port.
   */
  public static int resolve(int requested) {
    return requested == 0 ? pick() : requested;
  }

  /**
   * A port the kernel just handed out on 127.0.0.1; another process may still take it before we
   * bind it.
   */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not obtain a free port on 127.0.0.1", e);
    }
  }

  /** Fails with a message naming the service when {@code port} is already taken on 127.0.0.1. */
  public static void requireFree(int port, String service) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IllegalStateException(
          service
              + " cannot use port ["
              + port
              + "] on 127.0.0.1: it is in use ("
              + e.getMessage()
              + "). Stop whatever listens there, choose another port, or point at the running "
              + service
              + " as an external service.",
          e);
    }
  }
}
