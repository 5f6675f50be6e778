package nl.kamerstukken.index.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.kamerstukken.index.config.AlertSettings;

/**
 * Seals webhook secrets before they go on the subscriptions topic, and opens them to sign a call.
 * AES-256-GCM with a random 96-bit nonce; the alert's name is the associated data, so a sealed
 * secret copied into another subscription does not open. Only index-service holds the key, so a
 * subscriber of the topic (the operator's tools, a dashboard) sees no secret. Thread-safe.
 */
public final class SecretBox {

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the alert secret key must be 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /**
   * The key of the settings: {@code INDEX_ALERT_SECRET_KEY}, else the key file, created owner-only
   * with a new random key when it does not exist.
   */
  public static SecretBox of(AlertSettings settings) {
    if (settings.secretKey() != null) {
      return new SecretBox(Base64.getDecoder().decode(settings.secretKey().strip()));
    }
    return new SecretBox(keyFile(settings.secretKeyFile()));
  }

  private static byte[] keyFile(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        } catch (FileAlreadyExistsException e) {
          // Another instance made it first: use theirs.
        }
      }
      byte[] key =
          Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (key.length != 32) {
        throw new IllegalStateException(
            "the alert secret key file "
                + file
                + " does not hold 32 bytes in base64: delete it (sealed secrets are then lost)"
                + " or set INDEX_ALERT_SECRET_KEY");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or create the alert secret key file "
              + file
              + " (set INDEX_ALERT_SECRET_KEY_FILE or INDEX_ALERT_SECRET_KEY)",
          e);
    }
  }

  /** {@code v1:<base64 nonce>:<base64 ciphertext and tag>}. */
  public String seal(String alertName, String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed =
        crypt(Cipher.ENCRYPT_MODE, nonce, alertName, secret.getBytes(StandardCharsets.UTF_8));
    return PREFIX
        + Base64.getEncoder().encodeToString(nonce)
        + ":"
        + Base64.getEncoder().encodeToString(sealed);
  }

  /**
   * The secret sealed for {@code alertName}.
   *
   * @throws IllegalArgumentException sealed with another key or for another alert, or not sealed
   */
  public String open(String alertName, String sealed) {
    String[] parts = sealed.split(":");
    if (parts.length != 3 || !sealed.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a sealed secret (v1:<nonce>:<ciphertext>)");
    }
    byte[] plain =
        crypt(
            Cipher.DECRYPT_MODE,
            Base64.getDecoder().decode(parts[1]),
            alertName,
            Base64.getDecoder().decode(parts[2]));
    return new String(plain, StandardCharsets.UTF_8);
  }

  private byte[] crypt(int mode, byte[] nonce, String alertName, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(alertName.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException(
          "the secret was sealed with another key or for another alert: set the same"
              + " INDEX_ALERT_SECRET_KEY on every instance, or add the alert again");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
    }
  }
}
