package nl.kamerstukken.localstack.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node with security on (authentication and role-based authorization, as docker-compose.yml runs
 * it; HTTP stays plain on 127.0.0.1). Users and roles live in the node's files (file realm, {@code
 * roles.yml}), written before it starts: this distribution has no {@code analysis-common}, which
 * the native realm's {@code .security} index needs, so roles and users cannot be made through the
 * REST API here (they can on the official image).
 *
 * @param adminUser the superuser's name
 * @param adminPassword its password (at least 6 characters, as Elasticsearch wants)
 * @param roles further roles: name to role descriptor (the JSON the role API takes)
 * @param users further users, each with one of the roles
 */
public record ElasticsearchSecurity(
    String adminUser, String adminPassword, Map<String, String> roles, List<User> users) {

  /** A file-realm user. */
  public record User(String name, String password, String role) {}

  public ElasticsearchSecurity {
    Objects.requireNonNull(adminUser, "adminUser");
    requirePassword(adminPassword);
    roles = Map.copyOf(roles);
    users = List.copyOf(users);
    users.forEach(user -> requirePassword(user.password()));
  }

  /** Only the superuser. */
  public ElasticsearchSecurity(String adminUser, String adminPassword) {
    this(adminUser, adminPassword, Map.of(), List.of());
  }

  public ElasticsearchSecurity withRole(String name, String descriptor) {
    Map<String, String> more = new LinkedHashMap<>(roles);
    more.put(name, descriptor);
    return new ElasticsearchSecurity(adminUser, adminPassword, more, users);
  }

  public ElasticsearchSecurity withUser(String name, String password, String role) {
    List<User> more = new ArrayList<>(users);
    more.add(new User(name, password, role));
    return new ElasticsearchSecurity(adminUser, adminPassword, roles, more);
  }

  /** The value of an {@code Authorization} header for the superuser. */
  public String authorization() {
    return basic(adminUser, adminPassword);
  }

  /** The value of an {@code Authorization} header for {@code user}. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static void requirePassword(String password) {
    if (password == null || password.length() < 6) {
      throw new IllegalArgumentException("a password must have at least 6 characters");
    }
  }

  @Override
  public String toString() {
    return "ElasticsearchSecurity[superuser "
        + adminUser
        + ", roles "
        + roles.keySet()
        + ", users "
        + users.stream().map(User::name).toList()
        + "]";
  }
}
