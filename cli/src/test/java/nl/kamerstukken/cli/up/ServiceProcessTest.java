package nl.kamerstukken.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

  /**
   * A service that, stopped, writes its last lines on the way out: they reach {@code up}'s console
   * (on the way out, the JDK's AOT cache writer also writes there, and dies of SIGPIPE if nobody
   * reads). Its stop takes 300 ms of work, as a real one flushes and commits, so that line comes
   * well after the signal.
   */
  private static final String SERVICE =
      "public class Service { public static void main(String[] a) throws Exception {"
          + " Runtime.getRuntime().addShutdownHook(new Thread(() -> {"
          + " try { Thread.sleep(300); } catch (InterruptedException e) { }"
          + " System.out.println(\"stopped cleanly\"); }));"
          + " System.out.println(\"running\");"
          + " new java.util.concurrent.CountDownLatch(1).await(); } }";

  @TempDir Path dir;

  @Test
  void theLinesAServiceWritesWhileStoppingReachTheConsole() throws Exception {
    ServiceProcess service =
        ServiceProcess.start("service", serviceJar(), List.of(), Map.of(), 1, null);
    awaitLine(service, "running");

    int exit = service.stop(Duration.ofSeconds(20));

    assertThat(exit).isEqualTo(143);
    awaitLine(service, "stopped cleanly");
  }

  private static void awaitLine(ServiceProcess service, String line) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(service.lastLines(10)).contains(line));
  }

  private Path serviceJar() throws Exception {
    Path source = Files.writeString(dir.resolve("Service.java"), SERVICE);
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", dir.toString(), source.toString());
    assertThat(compiled).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Service");
    Path jar = dir.resolve("service.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream entries = new JarOutputStream(out, manifest)) {
      entries.putNextEntry(new JarEntry("Service.class"));
      entries.write(Files.readAllBytes(dir.resolve("Service.class")));
      entries.closeEntry();
    }
    return jar;
  }
}
