package nl.kamerstukken.pipeline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import nl.kamerstukken.cli.up.PipelineSettings;
import nl.kamerstukken.localstack.host.PosixAccess;
import nl.kamerstukken.pipeline.TestPipelines;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kamerstukken up} as a user runs it (the cli jar in a child JVM, with S3): every port it
 * opens (Kafka and its controller, Elasticsearch's HTTP and transport, S3Proxy, the three services)
 * listens on the loopback address only, and none answers on another address of this machine.
 */
class LocalPortsIT {

  private static final Duration UP = Duration.ofMinutes(5);

  @TempDir Path work;

  @Test
  void everyPortOfUpListensOnLoopbackOnlyAndAnswersNowhereElse() throws Exception {
    List<InetAddress> others = nonLoopbackAddresses();
    Assumptions.assumeTrue(
        !others.isEmpty(),
        "this machine has no address but loopback: there is no other address to check");
    Assumptions.assumeTrue(
        ListeningSockets.available(), "no /proc/net/tcp: the sockets of up cannot be listed");
    int kafka = TestPipelines.freePort();
    int elasticsearch = TestPipelines.freePort();
    List<Integer> http =
        List.of(TestPipelines.freePort(), TestPipelines.freePort(), TestPipelines.freePort());
    // Elasticsearch runs as an unprivileged user when we are root: it must enter the data dir.
    PosixAccess.openForOthers(work);
    Path log = work.resolve("up.log");
    Process up = startUp(kafka, elasticsearch, http, log);
    try {
      // Given up is running, with everything it starts
      await()
          .atMost(UP)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> !up.isAlive() || Files.readString(log).contains("kamerstukken is up"));
      assertThat(up.isAlive()).as("up stopped; its output:%n%s", Files.readString(log)).isTrue();

      // When every socket its processes listen on is listed
      List<ListeningSockets.Socket> sockets = ListeningSockets.of(up.toHandle());
      Set<Integer> ports = new TreeSet<>();
      sockets.forEach(socket -> ports.add(socket.port()));

      // Then the listing has the ports we named, and more (Kafka's controller, the transport, S3)
      assertThat(ports).contains(kafka, elasticsearch).containsAll(http);
      assertThat(ports.size()).isGreaterThanOrEqualTo(http.size() + 5);
      // And each listens on the loopback address only
      assertThat(sockets)
          .allSatisfy(socket -> assertThat(socket.loopback()).as("%s", socket).isTrue());
      // And none answers on another address of this machine
      for (InetAddress address : others) {
        for (int port : ports) {
          assertThat(answers(address, port)).as("%s:%d", address.getHostAddress(), port).isFalse();
        }
      }
      // While each of them does answer on loopback (the check above could see a refusal)
      for (int port : ports) {
        assertThat(answers(InetAddress.getLoopbackAddress(), port))
            .as("127.0.0.1:%d", port)
            .isTrue();
      }
    } finally {
      stop(up);
    }
  }

  private Process startUp(int kafka, int elasticsearch, List<Integer> http, Path log)
      throws IOException {
    Path home = PipelineSettings.locateHome();
    Path jar = home.resolve("cli/target/kamerstukken-cli.jar");
    assertThat(jar).as("built by the package phase before the ITs").isRegularFile();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-jar",
            jar.toString(),
            "up",
            "--s3",
            "--data-dir",
            work.resolve("data").toString(),
            "--inbox",
            work.resolve("inbox").toString(),
            "--kafka-port",
            String.valueOf(kafka),
            "--elasticsearch-port",
            String.valueOf(elasticsearch),
            "--http-ports",
            http.get(0) + "," + http.get(1) + "," + http.get(2));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("KAMERSTUKKEN_HOME", home.toString());
    return builder.start();
  }

  /** Ctrl-C: up stops everything it started; whatever is left after a minute is killed. */
  private static void stop(Process up) throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>();
    up.descendants().forEach(tree::add);
    up.destroy();
    if (!up.waitFor(90, TimeUnit.SECONDS)) {
      up.destroyForcibly();
    }
    for (ProcessHandle left : tree) {
      if (left.isAlive()) {
        left.destroyForcibly();
      }
    }
  }

  private static boolean answers(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The IPv4 addresses of this machine's interfaces that are up and not loopback. */
  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> addresses = new ArrayList<>();
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          addresses.add(address);
        }
      }
    }
    return addresses;
  }
}
