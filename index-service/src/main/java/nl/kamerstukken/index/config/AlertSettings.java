package nl.kamerstukken.index.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import nl.kamerstukken.kit.config.EnvConfig;

/**
 * How saved searches are matched and delivered ({@code INDEX_ALERT_*}, see the module README).
 *
 * @param secretKey base64 of the 32-byte AES key that seals webhook secrets on the subscriptions
 *     topic ({@code INDEX_ALERT_SECRET_KEY}); null = read or create {@link #secretKeyFile}
 * @param secretKeyFile where the key is kept when {@code secretKey} is unset ({@code
 *     INDEX_ALERT_SECRET_KEY_FILE}); created owner-only on first use
 * @param maxAttempts webhook calls of one alert before it is dead-lettered
 * @param retryBase wait before the first retry (doubling, with jitter)
 * @param retryMax the longest wait between two calls
 * @param timeout connect and answer timeout of one webhook call
 * @param publicUrl the base of links to index-service in alerts ({@code INDEX_PUBLIC_URL}); null =
 *     the address it listens on
 */
public record AlertSettings(
    String secretKey,
    Path secretKeyFile,
    int maxAttempts,
    Duration retryBase,
    Duration retryMax,
    Duration timeout,
    URI publicUrl) {

  static final Path DEFAULT_KEY_FILE = Path.of(".kamerstukken", "alert-secret.key");

  static AlertSettings load(EnvConfig env) {
    String key = env.string("ALERT_SECRET_KEY", null);
    if (key != null && !isAesKey(key)) {
      // Secrets are never echoed back.
      env.reject(
          "ALERT_SECRET_KEY", "<set>", "expected 32 bytes in base64 (openssl rand -base64 32)");
    }
    Path keyFile = env.path("ALERT_SECRET_KEY_FILE", DEFAULT_KEY_FILE).toAbsolutePath();
    int maxAttempts = env.integer("ALERT_MAX_ATTEMPTS", 10, 1, 1000);
    Duration base = env.duration("ALERT_RETRY_BASE", Duration.ofSeconds(1));
    Duration max = env.duration("ALERT_RETRY_MAX", Duration.ofMinutes(1));
    if (max.compareTo(base) < 0) {
      env.reject(
          "ALERT_RETRY_MAX", max.toString(), "must not be shorter than INDEX_ALERT_RETRY_BASE");
    }
    Duration timeout = env.duration("ALERT_TIMEOUT", Duration.ofSeconds(10));
    String url = env.string("PUBLIC_URL", null);
    URI publicUrl = null;
    if (url != null) {
      try {
        publicUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (publicUrl.getHost() == null) {
          env.reject(
              "PUBLIC_URL", url, "expected an http(s) URL like https://kamerstukken.example.org");
        }
      } catch (IllegalArgumentException e) {
        env.reject(
            "PUBLIC_URL", url, "expected an http(s) URL like https://kamerstukken.example.org");
      }
    }
    return new AlertSettings(key, keyFile, maxAttempts, base, max, timeout, publicUrl);
  }

  private static boolean isAesKey(String base64) {
    try {
      return Base64.getDecoder().decode(base64.strip()).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "AlertSettings[key="
        + (secretKey != null ? "<set>" : secretKeyFile.toString())
        + ", maxAttempts="
        + maxAttempts
        + ", retry="
        + retryBase
        + ".."
        + retryMax
        + ", timeout="
        + timeout
        + ", publicUrl="
        + publicUrl
        + "]";
  }
}
