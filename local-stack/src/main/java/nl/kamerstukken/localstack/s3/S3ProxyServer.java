package nl.kamerstukken.localstack.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import nl.kamerstukken.localstack.host.ChildProcess;
import nl.kamerstukken.localstack.host.FreePort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3Proxy with a filesystem backend, run as a child JVM from its {@code jar-with-dependencies} so
 * that its ~170 jars stay off the caller's classpath. Buckets live in {@code <dir>/blobs}; output
 * goes to {@code <dir>/s3proxy.out}.
 */
public final class S3ProxyServer {

  private static final Logger LOG = LoggerFactory.getLogger(S3ProxyServer.class);
  private static final String IDENTITY = "local-identity";
  private static final String CREDENTIAL = "local-credential";
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Path jar;
  private final Path dir;
  private final int port;
  private final Duration startTimeout;
  private ChildProcess child;

  private S3ProxyServer(Path jar, Path dir, int port, Duration startTimeout) {
    this.jar = jar;
    this.dir = dir;
    this.port = port;
    this.startTimeout = startTimeout;
  }

  /**
   * A server on a free port (kept across restarts); not started yet. Fails now when the jar is
   * missing.
   */
  public static S3ProxyServer create(Path jar, Path dir, Duration startTimeout) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No S3Proxy jar at ["
              + jar
              + "]. Build local-stack (./mvnw -pl local-stack "
              + "install copies it into local-stack/target/s3proxy) or set KAMERSTUKKEN_S3PROXY_JAR.");
    }
    return new S3ProxyServer(
        jar.toAbsolutePath(), dir.toAbsolutePath(), FreePort.pick(), startTimeout);
  }

  /** Starts S3Proxy and returns once it answers HTTP; does nothing when it already runs. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    stop();
    long started = System.nanoTime();
    Path properties = writeProperties();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar.toString(),
                    "--properties",
                    properties.toString()))
            .directory(dir.toFile());
    builder.environment().put("LOG_LEVEL", "warn");
    child = ChildProcess.start("s3proxy", builder, dir.resolve("s3proxy.out"));
    awaitAnswer();
    LOG.info(
        "S3Proxy ready on [{}] in [{} ms], buckets in [{}]",
        endpoint().endpoint(),
        (System.nanoTime() - started) / 1_000_000,
        dir.resolve("blobs"));
  }

  public synchronized void stop() {
    if (child == null) {
      return;
    }
    ChildProcess stopping = child;
    child = null;
    stopping.stop(STOP_GRACE);
    LOG.info("S3Proxy on [{}] stopped", endpoint().endpoint());
  }

  /** See {@link ChildProcess#stopOnlyWhenStopped}; nothing to do when S3Proxy does not run. */
  public synchronized void stopOnlyWhenStopped() {
    if (child != null) {
      child.stopOnlyWhenStopped();
    }
  }

  public synchronized boolean isRunning() {
    return child != null && child.isAlive();
  }

  public S3Endpoint endpoint() {
    return new S3Endpoint(URI.create("http://127.0.0.1:" + port), IDENTITY, CREDENTIAL);
  }

  private Path writeProperties() {
    Properties props = new Properties();
    props.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
    props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    props.setProperty("s3proxy.identity", IDENTITY);
    props.setProperty("s3proxy.credential", CREDENTIAL);
    props.setProperty("jclouds.provider", "filesystem");
    props.setProperty("jclouds.filesystem.basedir", dir.resolve("blobs").toString());
    Path file = dir.resolve("s3proxy.properties");
    try {
      Files.createDirectories(dir.resolve("blobs"));
      try (OutputStream out = Files.newOutputStream(file)) {
        props.store(out, "Written by local-stack");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  /** Any HTTP answer (an anonymous GET gets 403) means S3Proxy listens. */
  private void awaitAnswer() {
    Instant deadline = Instant.now().plus(startTimeout);
    HttpRequest probe =
        HttpRequest.newBuilder(endpoint().endpoint()).timeout(Duration.ofSeconds(2)).GET().build();
    while (Instant.now().isBefore(deadline)) {
      try {
        HTTP.send(probe, HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (child.awaitExit(POLL)) {
        String tail = child.tail(40);
        stop();
        throw new IllegalStateException(
            "S3Proxy exited before it answered. Last lines of its output:\n" + tail);
      }
    }
    String tail = child.tail(40);
    stop();
    throw new IllegalStateException(
        "S3Proxy on ["
            + endpoint().endpoint()
            + "] did not answer within "
            + startTimeout.toSeconds()
            + " s. Last lines of its output:\n"
            + tail);
  }
}
