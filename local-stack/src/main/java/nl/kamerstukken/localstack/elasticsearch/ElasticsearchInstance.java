package nl.kamerstukken.localstack.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.kamerstukken.localstack.host.ServiceUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one instance: prepared before each start, and processes left on them by an earlier
 * JVM.
 */
final class ElasticsearchInstance {

  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchInstance.class);

  private ElasticsearchInstance() {}

  /**
   * Creates the instance folders, copies the distribution's config once and the Dutch Hunspell
   * dictionary (see {@link HunspellDictionary}) before every start, and when running as root hands
   * the instance to {@code user} and checks that it can reach the JDK and the instance (the
   * distribution: see {@link ReadableDistribution}).
   */
  static void prepare(ElasticsearchLaunch launch, Optional<ServiceUser> user) {
    try {
      Files.createDirectories(launch.data());
      Files.createDirectories(launch.logs());
      Files.createDirectories(launch.tmp());
      if (!Files.isDirectory(launch.config())) {
        copyTree(launch.home().resolve("config"), launch.config());
      }
      if (launch.security() != null) {
        addUsersAndRoles(launch);
      }
      HunspellDictionary.install(HunspellDictionary.source(System.getenv()), launch.config());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not prepare the Elasticsearch instance in " + launch.instanceDir(), e);
    }
    user.ifPresent(
        serviceUser -> {
          serviceUser.own(launch.instanceDir());
          serviceUser.requireAccess(
              launch.javaHome().resolve("bin/java"),
              'x',
              "the JDK",
              "set ES_JAVA_HOME to a JDK 21+ in a folder every user can read");
          serviceUser.requireAccess(
              launch.instanceDir(),
              'w',
              "its instance folder",
              "choose a data dir below folders every user can enter");
        });
  }

  /**
   * The users and roles of a secured node, in the file realm and {@code roles.yml} of the
   * instance's config (before the instance is handed to the service user, so the files it writes
   * are handed over too). Users that exist are left as they are.
   */
  private static void addUsersAndRoles(ElasticsearchLaunch launch) throws IOException {
    ElasticsearchSecurity security = launch.security();
    StringBuilder roles = new StringBuilder();
    // JSON is YAML: each role descriptor goes in as the role API takes it.
    security
        .roles()
        .forEach(
            (name, json) ->
                roles.append(name).append(": ").append(json.replace('\n', ' ')).append('\n'));
    Files.writeString(launch.config().resolve("roles.yml"), roles.toString());
    addUser(launch, security.adminUser(), security.adminPassword(), "superuser");
    for (ElasticsearchSecurity.User user : security.users()) {
      addUser(launch, user.name(), user.password(), user.role());
    }
  }

  private static void addUser(ElasticsearchLaunch launch, String name, String password, String role)
      throws IOException {
    Path users = launch.config().resolve("users");
    if (Files.isRegularFile(users)
        && Files.readAllLines(users).stream().anyMatch(l -> l.startsWith(name + ":"))) {
      return;
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                launch.home().resolve("bin/elasticsearch-users").toString(),
                "useradd",
                name,
                "-p",
                password,
                "-r",
                role)
            .redirectErrorStream(true);
    builder.environment().put("ES_JAVA_HOME", launch.javaHome().toString());
    builder.environment().put("ES_PATH_CONF", launch.config().toString());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "elasticsearch-users could not add ["
                + name
                + "] in "
                + launch.config()
                + ": "
                + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while adding the user " + name, e);
    }
  }

  /**
   * Stops Java processes whose command line names this instance's folder: an Elasticsearch left
   * running by a JVM that was killed before it could stop its children (its launcher names the
   * config dir, its server the temp dir).
   */
  static void stopLeftovers(ElasticsearchLaunch launch, Duration grace) {
    List<ProcessHandle> leftovers = processesOf(launch.instanceDir());
    if (leftovers.isEmpty()) {
      return;
    }
    LOG.warn(
        "Stopping Elasticsearch processes {} left on [{}] by an earlier run",
        leftovers.stream().map(ProcessHandle::pid).collect(Collectors.toList()),
        launch.instanceDir());
    leftovers.forEach(ProcessHandle::destroy);
    for (ProcessHandle process : leftovers) {
      try {
        process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  /** Java processes whose arguments mention {@code instanceDir}. */
  static List<ProcessHandle> processesOf(Path instanceDir) {
    String marker = instanceDir.toAbsolutePath() + "/";
    return ProcessHandle.allProcesses()
        .filter(
            process ->
                process.info().command().map(command -> command.endsWith("/java")).orElse(false))
        .filter(
            process ->
                process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
        .filter(process -> process.pid() != ProcessHandle.current().pid())
        .collect(Collectors.toList());
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.copy(path, target.resolve(source.relativize(path).toString()));
      }
    }
  }
}
