package nl.kamerstukken.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.kamerstukken.localstack.host.PosixAccess;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.localstack.s3.S3Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack of its own (Elasticsearch and S3; Kafka borrowed from the shared stack) that this test
 * closes.
 */
@ExtendWith(LocalStackExtension.class)
class LocalStackLifecycleIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void closeLeavesNoProcessOfTheStackRunning(LocalStack shared) throws Exception {
    // Given a started stack with its own Elasticsearch and S3
    PosixAccess.openForOthers(dir);
    LocalStackConfig config =
        LocalStackConfig.forTests(dir)
            .withExternalKafka(shared.kafkaBootstrapServers())
            .withS3(true);
    List<ProcessHandle> running;
    try (LocalStack stack = LocalStack.start(config)) {
      running = processesNaming(dir);
      assertThat(running)
          .as("Elasticsearch launcher, server and S3Proxy")
          .hasSizeGreaterThanOrEqualTo(3);
      assertThat(stack.managesKafka()).isFalse();
      assertThat(
              Http.send("GET", stack.elasticsearchUrl() + "/_cluster/health", null)
                  .path("status")
                  .asText())
          .isIn("green", "yellow");

      // When it is closed (by try-with-resources)
    }

    // Then nothing it started is left
    assertThat(running).noneMatch(ProcessHandle::isAlive);
    assertThat(processesNaming(dir)).isEmpty();
  }

  @Test
  void s3StoresAndReturnsAnObjectForSignedRequests(LocalStack shared) throws Exception {
    // Given a stack with S3 only (Kafka and Elasticsearch borrowed from the shared stack)
    PosixAccess.openForOthers(dir);
    LocalStackConfig config =
        LocalStackConfig.forTests(dir)
            .withExternalKafka(shared.kafkaBootstrapServers())
            .withExternalElasticsearch(shared.elasticsearchUrl())
            .withS3(true);
    try (LocalStack stack = LocalStack.start(config)) {
      S3Endpoint s3 = stack.s3().orElseThrow();
      String bucket = "it-" + UUID.randomUUID();

      // When a bucket and an object are created with the stack's credentials
      assertThat(signed(s3, "PUT", "/" + bucket, "").statusCode()).isEqualTo(200);
      assertThat(signed(s3, "PUT", "/" + bucket + "/vraag.txt", "Welke maatregelen?").statusCode())
          .isEqualTo(200);

      // Then the object reads back, and an unsigned request is refused
      HttpResponse<String> read = signed(s3, "GET", "/" + bucket + "/vraag.txt", null);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).isEqualTo("Welke maatregelen?");
      HttpResponse<String> anonymous =
          HTTP.send(
              HttpRequest.newBuilder(s3.endpoint().resolve("/" + bucket)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(403);
    }
  }

  /** AWS signature v2 with x-amz-date: enough to prove the exposed identity and credential work. */
  private static HttpResponse<String> signed(S3Endpoint s3, String method, String path, String body)
      throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    String toSign = method + "\n\n\n\nx-amz-date:" + date + "\n" + path;
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(s3.credential().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    String signature =
        Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(s3.endpoint() + path))
            .header("x-amz-date", date)
            .header("Authorization", "AWS " + s3.identity() + ":" + signature)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static List<ProcessHandle> processesNaming(Path dir) {
    String marker = dir.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(process -> process.pid() != ProcessHandle.current().pid())
        .filter(
            process ->
                process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
        .collect(Collectors.toList());
  }
}
