package nl.kamerstukken.localstack.elasticsearch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one Elasticsearch instance is launched: the shared distribution ({@code home}) and a
 * per-instance folder with its own config copy (Elasticsearch writes its keystore there), data,
 * logs, temp files and captured output.
 */
record ElasticsearchLaunch(
    Path home,
    Path instanceDir,
    Path javaHome,
    int httpPort,
    String javaOpts,
    ElasticsearchSecurity security) {

  static final String CLUSTER_NAME = "kamerstukken-local";

  /** Without security (the local default). */
  ElasticsearchLaunch(Path home, Path instanceDir, Path javaHome, int httpPort, String javaOpts) {
    this(home, instanceDir, javaHome, httpPort, javaOpts, null);
  }

  Path config() {
    return instanceDir.resolve("config");
  }

  Path data() {
    return instanceDir.resolve("data");
  }

  Path logs() {
    return instanceDir.resolve("logs");
  }

  Path tmp() {
    return instanceDir.resolve("tmp");
  }

  Path stdoutLog() {
    return instanceDir.resolve("elasticsearch.out");
  }

  /**
   * Written by Elasticsearch itself: the pid of the server JVM (the child of the CLI launcher we
   * start).
   */
  Path pidFile() {
    return instanceDir.resolve("elasticsearch.pid");
  }

  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/elasticsearch").toString());
    setting(command, "cluster.name", CLUSTER_NAME);
    setting(command, "node.name", CLUSTER_NAME);
    setting(command, "discovery.type", "single-node");
    setting(command, "xpack.security.enabled", String.valueOf(security != null));
    if (security != null) {
      // Authentication and authorization only; HTTP and transport stay on 127.0.0.1 without TLS.
      setting(command, "xpack.security.http.ssl.enabled", "false");
      setting(command, "xpack.security.transport.ssl.enabled", "false");
    }
    setting(command, "xpack.ml.enabled", "false");
    setting(command, "network.host", "127.0.0.1");
    setting(command, "http.port", String.valueOf(httpPort));
    setting(command, "path.data", data().toString());
    setting(command, "path.logs", logs().toString());
    // Small or full disks must not turn indices read-only or leave shards unassigned on a dev
    // machine.
    setting(command, "cluster.routing.allocation.disk.threshold_enabled", "false");
    command.add("-p");
    command.add(pidFile().toString());
    return command;
  }

  /**
   * The environment changes for the child; the JVM variables that bin/elasticsearch warns about are
   * removed.
   */
  void applyEnvironment(Map<String, String> environment) {
    environment
        .keySet()
        .removeAll(List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS"));
    environment.put("ES_JAVA_HOME", javaHome.toString());
    environment.put("ES_PATH_CONF", config().toString());
    environment.put("ES_TMPDIR", tmp().toString());
    environment.put("ES_JAVA_OPTS", javaOpts);
    // The CLI launcher JVM writes its final-flags temp files to java.io.tmpdir: keep them in the
    // instance, not /tmp.
    environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp());
  }

  private static void setting(List<String> command, String name, String value) {
    command.add("-E");
    command.add(name + "=" + value);
  }
}
