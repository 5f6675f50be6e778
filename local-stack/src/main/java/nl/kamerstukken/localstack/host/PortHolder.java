package nl.kamerstukken.localstack.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who holds a TCP port, for a message that tells the user exactly which process to stop: the
 * listening sockets of {@code /proc/net/tcp} and {@code tcp6} (state 0A) on that port, matched with
 * the socket inodes in {@code /proc/<pid>/fd}. Processes of other users may not be readable: then
 * the port is only said to be in use.
 */
public final class PortHolder {

  private PortHolder() {}

  /** Whether nothing listens on {@code port} of the loopback address (it can be bound now). */
  public static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** "pid 1234 (java -Xmx1g ...)" for the process listening on {@code port}, if it can be seen. */
  public static Optional<String> of(int port) {
    Set<String> inodes = listeningInodes(port);
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> holdsAny(p, inodes))
          .findFirst()
          .map(p -> "pid " + p.getFileName() + " (" + commandLine(p) + ")");
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Set<String> listeningInodes(int port) {
    Set<String> inodes = new HashSet<>();
    for (String name : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(name))) {
          // columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
          String[] row = line.trim().split("\\s+");
          if (row.length > 9 && "0A".equals(row[3]) && row[1].endsWith(":" + hex(port))) {
            inodes.add(row[9]);
          }
        }
      } catch (IOException e) {
        // No such table (no IPv6, or not Linux): nothing found there.
      }
    }
    return inodes;
  }

  private static String hex(int port) {
    return String.format("%04X", port);
  }

  private static boolean holdsAny(Path process, Set<String> inodes) {
    try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
      return fds.anyMatch(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              return target.startsWith("socket:[")
                  && inodes.contains(target.substring(8, target.length() - 1));
            } catch (IOException e) {
              return false;
            }
          });
    } catch (IOException e) {
      return false;
    }
  }

  private static String commandLine(Path process) {
    try {
      String line =
          new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .strip();
      return line.length() > 120 ? line.substring(0, 120) + " ..." : line;
    } catch (IOException e) {
      return "?";
    }
  }
}
