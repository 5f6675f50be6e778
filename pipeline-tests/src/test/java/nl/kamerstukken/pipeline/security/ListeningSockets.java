package nl.kamerstukken.pipeline.security;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process tree listens on, as Linux shows them in {@code /proc}: the socket
 * inodes in {@code /proc/<pid>/fd} of each process, matched against {@code /proc/net/tcp} and
 * {@code tcp6} (state 0A = LISTEN). Sees every port, also those whose number nobody printed
 * (Kafka's controller, Elasticsearch's transport).
 */
final class ListeningSockets {

  /** One listening socket: its local address and port, and the process that holds it. */
  record Socket(InetAddress address, int port, long pid) {

    boolean loopback() {
      return address.isLoopbackAddress();
    }

    @Override
    public String toString() {
      return address.getHostAddress() + ":" + port + " (pid " + pid + ")";
    }
  }

  private ListeningSockets() {}

  /** Whether this machine shows sockets and their owners in {@code /proc}. */
  static boolean available() {
    return Files.isReadable(Path.of("/proc/net/tcp"));
  }

  /** The listening sockets of {@code root} and all its descendants. */
  static List<Socket> of(ProcessHandle root) throws IOException {
    List<ProcessHandle> processes = new ArrayList<>();
    processes.add(root);
    root.descendants().forEach(processes::add);
    List<String[]> table = new ArrayList<>();
    for (String name : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(name);
      if (Files.isReadable(file)) {
        Files.readAllLines(file).stream()
            .skip(1)
            .map(l -> l.trim().split("\\s+"))
            .forEach(table::add);
      }
    }
    List<Socket> sockets = new ArrayList<>();
    for (ProcessHandle process : processes) {
      Set<String> inodes = socketInodes(process.pid());
      for (String[] row : table) {
        // columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
        if (row.length > 9 && "0A".equals(row[3]) && inodes.contains(row[9])) {
          String[] local = row[1].split(":");
          sockets.add(new Socket(address(local[0]), Integer.parseInt(local[1], 16), process.pid()));
        }
      }
    }
    return sockets;
  }

  private static Set<String> socketInodes(long pid) {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring(8, target.length() - 1));
              }
            } catch (IOException e) {
              // the descriptor closed meanwhile
            }
          });
    } catch (IOException e) {
      // the process ended meanwhile
    }
    return inodes;
  }

  /** /proc's hex address: 4 or 16 bytes, each 32-bit word in host (little-endian) order. */
  static InetAddress address(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + i) * 2;
        bytes[word * 4 + 3 - i] = (byte) new BigInteger(hex.substring(at, at + 2), 16).intValue();
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + hex, e);
    }
  }
}
