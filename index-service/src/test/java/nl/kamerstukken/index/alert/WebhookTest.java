package nl.kamerstukken.index.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookTest {

  @Test
  void theSignatureIsTheHexHmacSha256OfTheBodyWithTheSecret() {
    // The well-known HMAC-SHA256 example (key "key", the quick brown fox).
    byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    assertThat(Webhook.signature("key", body))
        .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void theSameAnswerOfTheSameAlertHasTheSameIdempotencyKeyAndAnotherAnswerAnother() {
    String key = AlertMatcher.idempotencyKey("kolen", "ah-tk-1-qa-1", "0123456789abcdef");

    assertThat(key)
        .matches("[0-9a-f]{64}")
        .isEqualTo(AlertMatcher.idempotencyKey("kolen", "ah-tk-1-qa-1", "0123456789abcdef"))
        .isNotEqualTo(AlertMatcher.idempotencyKey("kolen", "ah-tk-1-qa-1", "fedcba9876543210"))
        .isNotEqualTo(AlertMatcher.idempotencyKey("andere", "ah-tk-1-qa-1", "0123456789abcdef"));
  }
}
