package nl.kamerstukken.localstack.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.kamerstukken.localstack.host.ChildProcess;
import nl.kamerstukken.localstack.host.FreePort;
import nl.kamerstukken.localstack.host.ServiceUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch running as a child process ({@code bin/elasticsearch} of the
 * integ-test-zip distribution), as an unprivileged user when this JVM is root. It can be stopped
 * and started again on the same port and data, which fault tests use to take search away mid-run.
 * Its output goes to {@code elasticsearch.out} in the instance folder, not to the console.
 */
public final class ElasticsearchNode {

  /** The unprivileged user Elasticsearch runs as when this JVM runs as root. */
  public static final String SERVICE_USER = "kamerstukken-es";

  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchNode.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final int TAIL_LINES = 40;

  private final ElasticsearchLaunch launch;
  private final Optional<ServiceUser> user;
  private final Duration startTimeout;
  private ChildProcess child;

  private ElasticsearchNode(
      ElasticsearchLaunch launch, Optional<ServiceUser> user, Duration startTimeout) {
    this.launch = launch;
    this.user = user;
    this.startTimeout = startTimeout;
  }

  /**
   * A node for the distribution at {@code home} with its files in {@code instanceDir}, listening on
   * {@code port} (0 = a free port, kept across restarts); not started yet. Fails now when the
   * distribution or a JDK 21+ is missing. As root, this creates the service user if needed.
   */
  public static ElasticsearchNode create(
      Path home, Path instanceDir, int port, String javaOpts, Duration startTimeout) {
    return create(home, instanceDir, port, javaOpts, startTimeout, null);
  }

  /**
   * As {@link #create(Path, Path, int, String, Duration)}, with security on as {@code security}
   * says (null = off, the local default).
   */
  public static ElasticsearchNode create(
      Path home,
      Path instanceDir,
      int port,
      String javaOpts,
      Duration startTimeout,
      ElasticsearchSecurity security) {
    if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
      throw new IllegalStateException(
          "No Elasticsearch distribution at ["
              + home
              + "] (bin/elasticsearch is missing "
              + "or not executable). Build local-stack (./mvnw -pl local-stack install unpacks it into "
              + "local-stack/target/elasticsearch) or set KAMERSTUKKEN_ES_HOME to an unpacked Elasticsearch.");
    }
    Path javaHome = JdkLocator.forThisMachine().locate();
    Optional<ServiceUser> user = ServiceUser.whenRoot(SERVICE_USER);
    Path usableHome =
        user.map(u -> ReadableDistribution.forUser(home.toAbsolutePath(), u))
            .orElseGet(home::toAbsolutePath);
    ElasticsearchLaunch launch =
        new ElasticsearchLaunch(
            usableHome,
            instanceDir.toAbsolutePath(),
            javaHome,
            FreePort.resolve(port),
            javaOpts,
            security);
    return new ElasticsearchNode(launch, user, startTimeout);
  }

  /** Starts the node and returns once the cluster is yellow; does nothing when it already runs. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    stop();
    FreePort.requireFree(launch.httpPort(), "Elasticsearch");
    long started = System.nanoTime();
    ElasticsearchInstance.stopLeftovers(launch, STOP_GRACE);
    ElasticsearchInstance.prepare(launch, user);
    List<String> command = user.map(u -> u.wrap(launch.command())).orElseGet(launch::command);
    ProcessBuilder builder = new ProcessBuilder(command).directory(launch.instanceDir().toFile());
    launch.applyEnvironment(builder.environment());
    child = ChildProcess.start("elasticsearch", builder, launch.stdoutLog());
    awaitReady();
    LOG.info(
        "Elasticsearch ready on [{}] in [{} ms] (pid [{}]{}, JDK [{}]), files in [{}]",
        url(),
        (System.nanoTime() - started) / 1_000_000,
        child.pid(),
        user.map(u -> ", user " + u.name()).orElse(""),
        launch.javaHome(),
        launch.instanceDir());
  }

  private void awaitReady() {
    boolean ready;
    try {
      ready =
          ElasticsearchReadiness.awaitYellow(
              url(),
              launch.security() == null ? null : launch.security().authorization(),
              startTimeout,
              () -> child.awaitExit(POLL));
    } catch (IllegalStateException e) {
      String tail = child.tail(TAIL_LINES);
      stop();
      throw new IllegalStateException(
          e.getMessage() + ". Last lines of " + launch.stdoutLog() + ":\n" + tail, e);
    }
    if (!ready) {
      String tail = child.tail(TAIL_LINES);
      int exitCode = child.exitCode();
      stop();
      throw new IllegalStateException(
          "Elasticsearch exited with code ["
              + exitCode
              + "] before it was ready. Last "
              + "lines of "
              + launch.stdoutLog()
              + ":\n"
              + tail);
    }
  }

  /**
   * Stops the node and every process it spawned (SIGTERM, then SIGKILL after 30 s); its data stays.
   */
  public synchronized void stop() {
    if (child == null) {
      return;
    }
    ChildProcess stopping = child;
    child = null;
    stopping.stop(STOP_GRACE);
    try {
      Files.deleteIfExists(launch.pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove " + launch.pidFile(), e);
    }
    LOG.info("Elasticsearch on [{}] stopped", url());
  }

  /** See {@link ChildProcess#stopOnlyWhenStopped}; nothing to do when the node does not run. */
  public synchronized void stopOnlyWhenStopped() {
    if (child != null) {
      child.stopOnlyWhenStopped();
    }
  }

  public synchronized boolean isRunning() {
    return child != null && child.isAlive();
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String url() {
    return launch.url();
  }

  public int port() {
    return launch.httpPort();
  }

  /** Where the node's stdout and stderr go. */
  public Path logFile() {
    return launch.stdoutLog();
  }

  /**
   * The instance folder (config copy, data, logs); every process of this node names it on its
   * command line.
   */
  public Path instanceDir() {
    return launch.instanceDir();
  }
}
