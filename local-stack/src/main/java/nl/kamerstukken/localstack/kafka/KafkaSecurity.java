package nl.kamerstukken.localstack.kafka;

import java.util.Objects;
import java.util.Properties;

/**
 * A broker that authenticates every connection and authorizes every request, as in the deployed
 * setup (docker-compose.yml): SASL_PLAINTEXT on both listeners; clients log in with SCRAM-SHA-512
 * (users are created through the Admin API, {@code alterUserScramCredentials}); the super user
 * {@code admin} logs in with PLAIN (its password is static, so it works before any SCRAM user
 * exists) and is the only one the controller listener accepts; KRaft's {@code StandardAuthorizer}
 * denies whatever no ACL allows.
 *
 * @param adminPassword the password of the super user {@code admin}
 */
public record KafkaSecurity(String adminPassword) {

  public static final String ADMIN = "admin";
  static final String CLIENT_LISTENER = "SASL_PLAINTEXT";
  static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

  public KafkaSecurity {
    Objects.requireNonNull(adminPassword, "adminPassword");
    if (!adminPassword.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "adminPassword goes into a JAAS line: use letters, digits, '-' and '_' only");
    }
  }

  /** The broker's settings on top of the plain single-node ones. */
  void applyTo(Properties props, int port, int controllerPort) {
    props.setProperty(
        "listeners",
        CLIENT_LISTENER + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.setProperty("advertised.listeners", CLIENT_LISTENER + "://127.0.0.1:" + port);
    props.setProperty(
        "listener.security.protocol.map",
        CLIENT_LISTENER + ":SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    props.setProperty("inter.broker.listener.name", CLIENT_LISTENER);
    props.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
    props.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
    props.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
    props.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    String plain = plainServer();
    props.setProperty("listener.name.controller.plain.sasl.jaas.config", plain);
    props.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config", plain);
    props.setProperty(
        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    props.setProperty("authorizer.class.name", AUTHORIZER);
    props.setProperty("super.users", "User:" + ADMIN);
    props.setProperty("allow.everyone.if.no.acl.found", "false");
  }

  /** Client settings of the super user (topics, users and ACLs are made with these). */
  public Properties adminClient() {
    return client(
        "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule", ADMIN, adminPassword);
  }

  /** Client settings of a SCRAM-SHA-512 user. */
  public static Properties scramClient(String user, String password) {
    return client(
        "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule", user, password);
  }

  private static Properties client(String mechanism, String module, String user, String password) {
    Properties p = new Properties();
    p.setProperty("security.protocol", "SASL_PLAINTEXT");
    p.setProperty("sasl.mechanism", mechanism);
    p.setProperty(
        "sasl.jaas.config",
        module + " required username=\"" + user + "\" password=\"" + password + "\";");
    return p;
  }

  private String plainServer() {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + ADMIN
        + "\" password=\""
        + adminPassword
        + "\" user_"
        + ADMIN
        + "=\""
        + adminPassword
        + "\";";
  }

  @Override
  public String toString() {
    return "KafkaSecurity[SASL/SCRAM, StandardAuthorizer, super user " + ADMIN + "]";
  }
}
