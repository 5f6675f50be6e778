package nl.kamerstukken.index.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.kamerstukken.model.AlertMatch;
import nl.kamerstukken.model.Json;

/**
 * One call of an alert's webhook: a POST of the alert as JSON with {@code Idempotency-Key} (the
 * alert's key: a receiver that saw it already can ignore it) and, when the alert has a secret,
 * {@code X-Kamerstukken-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>}. Redirects
 * are not followed. Thread-safe.
 */
public final class Webhook {

  public static final String SIGNATURE_HEADER = "X-Kamerstukken-Signature";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final HttpClient http;
  private final Duration timeout;

  public Webhook(Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1: no h2c upgrade offer that a simple receiver might trip over.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
  }

  /**
   * What the call answered.
   *
   * @param status the HTTP status, or 0 when no answer came
   * @param problem why it failed, for the log and the dead letter (no secret in it); empty on 2xx
   */
  public record Result(int status, String problem) {
    public boolean delivered() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Posts {@code alert}; signs it with {@code secret} unless null. Never throws for the receiver.
   */
  public Result post(URI url, AlertMatch alert, String secret, boolean test) {
    byte[] body = body(alert, test);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "kamerstukken-alerts/1 (+https://github.com/kamerstukken)")
            .header(IDEMPOTENCY_HEADER, alert.idempotencyKey())
            .header("X-Kamerstukken-Alert", alert.alertName())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (secret != null) {
      request.header(SIGNATURE_HEADER, signature(secret, body));
    }
    try {
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return new Result(
          status, status >= 200 && status < 300 ? "" : "the webhook answered HTTP " + status);
    } catch (IOException e) {
      return new Result(0, "the webhook did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(0, "interrupted while calling the webhook");
    }
  }

  /**
   * The JSON the receiver gets: alert name, kind ({@code qa} or {@code postponed}), idempotency
   * key, the Q&A's id, identifier, title, question numbers, question and answer text, links to the
   * original file and the official publication, the case (for {@code postponed}), when it matched;
   * {@code test: true} for {@code alert test}.
   */
  static byte[] body(AlertMatch alert, boolean test) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("alert", alert.alertName());
    json.put("kind", alert.kind());
    json.put("idempotencyKey", alert.idempotencyKey());
    json.put("qaId", alert.qaId());
    json.put("identifier", alert.identifier());
    json.put("title", alert.title());
    alert.questionNumbers().forEach(json.putArray("questionNumbers")::add);
    json.put("questionText", alert.questionText());
    json.put("answerText", alert.answerText());
    json.put("answered", alert.answerText() != null);
    json.put("answerVersion", alert.answerVersion());
    json.put("originalUrl", alert.originalUrl());
    json.put("publicationUrl", alert.publicationUrl());
    json.put("caseKey", alert.caseKey());
    json.put("caseStatus", alert.caseStatus());
    json.put("matchedAt", alert.matchedAt().toString());
    json.put("test", test);
    try {
      return Json.mapper().writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the alert as JSON", e);
    }
  }

  /** {@code sha256=<hex HMAC-SHA256 of body with secret>}. */
  public static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 failed: " + e.getMessage(), e);
    }
  }
}
