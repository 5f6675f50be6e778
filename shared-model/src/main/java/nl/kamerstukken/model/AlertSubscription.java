package nl.kamerstukken.model;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved search, published on {@link Topics#ALERT_SUBSCRIPTIONS} (compacted, key = {@link #name};
 * a tombstone removes it). Every newly indexed question with its answer that the search would list
 * becomes an {@link AlertMatch}.
 *
 * @param name the alert's name, unique: letters, digits, {@code .}, {@code _}, {@code -}
 * @param query the words as {@code search} takes them (quoted phrases, {@code -word}); null = every
 *     new Q&A
 * @param party a party as printed, exact; null = any
 * @param ministry a ministry or an office as printed, as the search filter; null = any
 * @param webhook where matches are POSTed (http or https); null = published on the alerts topic
 *     only
 * @param sealedSecret the HMAC secret of the webhook's signature, encrypted (AES-256-GCM) with the
 *     key only index-service holds ({@code v1:<base64 nonce>:<base64 ciphertext>}): subscribers of
 *     this topic cannot read it; null = the calls are not signed
 * @param createdAt when it was saved
 */
public record AlertSubscription(
    String name,
    String query,
    String party,
    String ministry,
    URI webhook,
    String sealedSecret,
    Instant createdAt) {

  /**
   * What an alert name may be: it is a Kafka key, a path segment and part of an idempotency key.
   */
  public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

  public AlertSubscription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!name.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException(
          "an alert name is 1-100 letters, digits, '.', '_' or '-' (starting with a letter or"
              + " digit), was '"
              + name
              + "'");
    }
    if (webhook != null
        && !("http".equals(webhook.getScheme()) || "https".equals(webhook.getScheme()))) {
      throw new IllegalArgumentException(
          "the webhook must be an http or https URL, was '" + webhook + "'");
    }
  }

  /** Never prints the sealed secret (logs show subscriptions). */
  @Override
  public String toString() {
    return "AlertSubscription[name="
        + name
        + ", query="
        + query
        + ", party="
        + party
        + ", ministry="
        + ministry
        + ", webhook="
        + webhook
        + ", signed="
        + (sealedSecret != null)
        + "]";
  }
}
