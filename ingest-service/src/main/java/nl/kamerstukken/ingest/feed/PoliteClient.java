package nl.kamerstukken.ingest.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.kamerstukken.ingest.source.SourceFileException;
import nl.kamerstukken.kit.kafka.Backoff;
import nl.kamerstukken.model.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP GET as a polite guest of a public repository: at most {@code requestsPerSecond}, a {@code
 * User-Agent} that names the project, and on 429, 5xx or a broken connection a wait that honours
 * {@code Retry-After} and otherwise grows exponentially with jitter, up to {@code maxAttempts}.
 * Redirects are never followed (they could lead anywhere); the caller checks every URL before.
 *
 * <p>Every body is read with a byte limit and compared with its {@code Content-Length}. Waits end
 * early when the client is closed (the service stops).
 */
final class PoliteClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PoliteClient.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Where a body goes. */
  @FunctionalInterface
  interface Sink {
    OutputStream open() throws IOException;
  }

  private final HttpClient http;
  private final String userAgent;
  private final long spacingNanos;
  private final int maxAttempts;
  private final Duration maxWait;
  private final Backoff backoff;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  PoliteClient(
      String userAgent,
      double requestsPerSecond,
      int maxAttempts,
      Duration maxWait,
      Backoff backoff) {
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.userAgent = userAgent;
    this.spacingNanos = (long) (1_000_000_000L / requestsPerSecond);
    this.maxAttempts = maxAttempts;
    this.maxWait = maxWait;
    this.backoff = backoff;
  }

  /** An SRU page (at most {@code maxBytes}); any failure is the feed's and fails the round. */
  byte[] page(URI uri, long maxBytes) throws IOException, InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fetch(uri, maxBytes, false, () -> out);
    return out.toByteArray();
  }

  /**
   * A document into {@code sink}; its own problems (missing, refused, too large) are {@link
   * SourceFileException}s with the reason for its dead letter.
   *
   * @return the number of bytes written
   */
  long document(URI uri, long maxBytes, Sink sink) throws IOException, InterruptedException {
    return fetch(uri, maxBytes, true, sink);
  }

  private long fetch(URI uri, long maxBytes, boolean item, Sink sink)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      awaitSlot();
      HttpResponse<InputStream> response;
      try {
        response = http.send(request(uri), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        retryOrThrow(uri, attempt, OptionalLong.empty(), e.toString(), e);
        continue;
      }
      int status = response.statusCode();
      try (InputStream body = response.body()) {
        if (status == 200) {
          return copy(uri, response, body, maxBytes, item, sink);
        }
        if (status == 429 || status >= 500) {
          retryOrThrow(uri, attempt, retryAfter(response), "HTTP " + status, null);
          continue;
        }
        throw refused(uri, status, item);
      }
    }
  }

  private HttpRequest request(URI uri) {
    requests.incrementAndGet();
    return HttpRequest.newBuilder(uri)
        .timeout(TIMEOUT)
        .header("User-Agent", userAgent)
        .header("Accept", "application/xml, application/pdf;q=0.9, */*;q=0.1")
        .GET()
        .build();
  }

  private static IOException refused(URI uri, int status, boolean item) {
    String message = "GET " + uri + " answered HTTP " + status;
    if (!item) {
      return new IOException(message + " (check INGEST_KOOP_SRU_URL and INGEST_KOOP_QUERY)");
    }
    ReasonCode reason =
        status == 404 || status == 410
            ? ReasonCode.FEED_ITEM_MISSING
            : ReasonCode.FEED_ITEM_REFUSED;
    String why = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
    return new SourceFileException(reason, message + why, null);
  }

  /**
   * Waits before the next attempt, or throws when attempts are used up. The wait honours {@code
   * Retry-After} (also for later requests: the repository asked everyone to wait).
   */
  private void retryOrThrow(
      URI uri, int attempt, OptionalLong retryAfterMillis, String problem, IOException cause)
      throws IOException, InterruptedException {
    if (attempt >= maxAttempts) {
      throw new IOException(
          "GET "
              + uri
              + " failed "
              + attempt
              + " time(s), last: "
              + problem
              + "; tried again later",
          cause);
    }
    long wait = backoff.delay(attempt).toMillis();
    if (retryAfterMillis.isPresent()) {
      wait = Math.max(wait, retryAfterMillis.getAsLong());
    }
    if (wait > maxWait.toMillis()) {
      pushSlot(wait);
      throw new IOException(
          "GET "
              + uri
              + ": "
              + problem
              + ", asked to wait "
              + wait
              + " ms (more than"
              + " INGEST_KOOP_MAX_RETRY_WAIT); the next request waits that long");
    }
    retries.incrementAndGet();
    LOG.info("GET [{}]: {}; attempt {} in {} ms", uri, problem, attempt + 1, wait);
    pushSlot(wait);
  }

  /** {@code Retry-After} as seconds or as an HTTP date, in milliseconds from now. */
  static OptionalLong retryAfter(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse("").strip();
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Math.max(0, Long.parseLong(value)) * 1000);
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return OptionalLong.of(
            Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis()));
      } catch (DateTimeParseException unreadable) {
        return OptionalLong.empty();
      }
    }
  }

  private static long copy(
      URI uri,
      HttpResponse<InputStream> response,
      InputStream body,
      long maxBytes,
      boolean item,
      Sink sink)
      throws IOException {
    OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      throw tooLarge(uri, declared.getAsLong(), maxBytes, item);
    }
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = sink.open()) {
      for (int n; (n = body.read(buffer)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(uri, total, maxBytes, item);
        }
        out.write(buffer, 0, n);
      }
    }
    if (declared.isPresent() && declared.getAsLong() != total) {
      throw new IOException(
          "GET " + uri + " ended after " + total + " of " + declared.getAsLong() + " bytes");
    }
    return total;
  }

  private static IOException tooLarge(URI uri, long size, long max, boolean item) {
    String message = "GET " + uri + " has more than " + max + " bytes (" + size + ")";
    return item
        ? new SourceFileException(
            ReasonCode.FILE_TOO_LARGE, message + " (INGEST_MAX_FILE_SIZE)", null)
        : new IOException(message);
  }

  private void pushSlot(long waitMillis) {
    long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    nextSlot.accumulateAndGet(at, Math::max);
  }

  /** Waits for the next request slot: {@code 1 / requestsPerSecond} after the previous one. */
  private void awaitSlot() throws InterruptedException, InterruptedIOException {
    while (true) {
      long now = System.nanoTime();
      long slot = nextSlot.get();
      if (slot <= now) {
        if (nextSlot.compareAndSet(slot, now + spacingNanos)) {
          return;
        }
        continue;
      }
      if (closed.await(slot - now, TimeUnit.NANOSECONDS)) {
        throw new InterruptedIOException("stopping: no more requests");
      }
    }
  }

  /** Nanoseconds until the next request may go (a {@code Retry-After} can push it far). */
  long waitNanos() {
    return Math.max(0, nextSlot.get() - System.nanoTime());
  }

  long requests() {
    return requests.get();
  }

  long retries() {
    return retries.get();
  }

  @Override
  public void close() {
    closed.countDown();
  }
}
