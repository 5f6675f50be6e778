package nl.kamerstukken.ingest.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import nl.kamerstukken.kit.config.EnvConfig;

/**
 * The KOOP SRU source ({@code INGEST_SOURCE=koop}): where the repository's search interface and its
 * documents are, what to ask for, and how politely.
 *
 * @param sruUrl the SRU 2.0 endpoint ({@code INGEST_KOOP_SRU_URL}, {@code
 *     https://repository.overheid.nl/sru})
 * @param documentBase every document URL a record names must start with this ({@code
 *     INGEST_KOOP_DOCUMENT_URL}, {@code https://repository.overheid.nl/frbr/}); nothing else is
 *     fetched
 * @param query the CQL query, without the date ({@code INGEST_KOOP_QUERY}, default {@link
 *     #DEFAULT_QUERY}: Kamervragen, their answers (Aanhangsels) and Kamerstukken of the Tweede
 *     Kamer)
 * @param since the first day asked for when there is no checkpoint yet ({@code INGEST_KOOP_SINCE},
 *     default seven days before the first start)
 * @param until the last day asked for, empty = follow up to today, forever ({@code
 *     INGEST_KOOP_UNTIL}; a back-fill of a closed period)
 * @param interval time between two passes over today once caught up ({@code INGEST_KOOP_INTERVAL},
 *     15m)
 * @param requestsPerSecond at most this many requests per second ({@code
 *     INGEST_KOOP_REQUESTS_PER_SECOND}, 1)
 * @param pageSize records per SRU page ({@code INGEST_KOOP_PAGE_SIZE}, 50; 1 to 1000)
 * @param maxAttempts attempts of one request on 429, 5xx and connection errors before the round
 *     fails ({@code INGEST_KOOP_MAX_ATTEMPTS}, 6)
 * @param maxRetryWait the longest wait between two attempts, also for a {@code Retry-After} ({@code
 *     INGEST_KOOP_MAX_RETRY_WAIT}, 5m)
 * @param userAgent sent with every request ({@code INGEST_KOOP_USER_AGENT})
 */
public record KoopSettings(
    URI sruUrl,
    URI documentBase,
    String query,
    LocalDate since,
    LocalDate until,
    Duration interval,
    double requestsPerSecond,
    int pageSize,
    int maxAttempts,
    Duration maxRetryWait,
    String userAgent) {

  /** Dates of the repository are Dutch dates. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  public static final String DEFAULT_QUERY =
      "c.product-area==\"officielepublicaties\" and w.organisatietype==\"staten generaal\""
          + " and dt.creator==\"Tweede Kamer der Staten-Generaal\""
          + " and ( w.publicatienaam==\"Kamervragen (Aanhangsel)\""
          + " or w.publicatienaam==\"Kamervragen zonder antwoord\""
          + " or w.publicatienaam==\"Kamerstuk\" )";

  public static final String DEFAULT_USER_AGENT =
      "kamerstukken-ingest/0.1 (kamerstukken: Kamervragen search; KOOP SRU source)";

  static KoopSettings load(EnvConfig env, boolean used) {
    URI sru = url(env, "KOOP_SRU_URL", "https://repository.overheid.nl/sru", false);
    URI documents = url(env, "KOOP_DOCUMENT_URL", "https://repository.overheid.nl/frbr/", true);
    String query = env.string("KOOP_QUERY", DEFAULT_QUERY).strip();
    LocalDate since = date(env, "KOOP_SINCE", LocalDate.now(ZONE).minusDays(7));
    LocalDate until = date(env, "KOOP_UNTIL", null);
    if (until != null && until.isBefore(since)) {
      env.reject("KOOP_UNTIL", until.toString(), "must not be before INGEST_KOOP_SINCE " + since);
    }
    Duration interval = env.duration("KOOP_INTERVAL", Duration.ofMinutes(15));
    if (used && interval.isZero()) {
      env.reject("KOOP_INTERVAL", "0", "must be longer than 0, e.g. 15m");
    }
    double rate = rate(env);
    int pageSize = env.integer("KOOP_PAGE_SIZE", 50, 1, 1000);
    int attempts = env.integer("KOOP_MAX_ATTEMPTS", 6, 1, 100);
    Duration maxWait = env.duration("KOOP_MAX_RETRY_WAIT", Duration.ofMinutes(5));
    String agent = env.string("KOOP_USER_AGENT", DEFAULT_USER_AGENT).strip();
    if (agent.isEmpty() || !agent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      env.reject("KOOP_USER_AGENT", agent, "must name this service in printable ASCII");
    }
    return new KoopSettings(
        sru, documents, query, since, until, interval, rate, pageSize, attempts, maxWait, agent);
  }

  private static double rate(EnvConfig env) {
    String raw = env.string("KOOP_REQUESTS_PER_SECOND", "1");
    try {
      double rate = Double.parseDouble(raw);
      if (rate > 0 && rate <= 100) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // rejected below
    }
    env.reject("KOOP_REQUESTS_PER_SECOND", raw, "expected a number above 0 and at most 100");
    return 1;
  }

  private static LocalDate date(EnvConfig env, String name, LocalDate defaultValue) {
    String raw = env.string(name, "");
    if (raw.isBlank()) {
      return defaultValue;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      env.reject(name, raw, "expected a date such as 2026-01-31");
      return defaultValue;
    }
  }

  /** An absolute http(s) URL without credentials, query or fragment. */
  private static URI url(EnvConfig env, String name, String defaultValue, boolean folder) {
    String raw = env.string(name, defaultValue).strip();
    try {
      URI uri = new URI(raw).normalize();
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || (folder && !uri.getRawPath().endsWith("/"))) {
        env.reject(
            name,
            raw,
            "expected an http(s) URL without user, query or fragment"
                + (folder ? ", ending in '/', e.g. " : ", e.g. ")
                + defaultValue);
        return URI.create(defaultValue);
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      env.reject(name, raw, "is not a URL (" + e.getMessage() + "), e.g. " + defaultValue);
      return URI.create(defaultValue);
    }
  }
}
