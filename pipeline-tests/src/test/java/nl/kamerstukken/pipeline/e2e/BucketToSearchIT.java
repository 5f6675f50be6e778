package nl.kamerstukken.pipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import nl.kamerstukken.cli.s3.S3Target;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.junit.LocalStackExtension;
import nl.kamerstukken.localstack.s3.S3Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bucket scenario on the local stack: a real S3 API (S3Proxy, filesystem-backed), Kafka and
 * Elasticsearch, without Docker. The same scenario runs on containers in {@link
 * BucketToSearchContainersIT}.
 */
@ExtendWith(LocalStackExtension.class)
class BucketToSearchIT {

  @TempDir Path work;

  @Test
  void aKamerstukPutInTheBucketBecomesSearchableAndLeavesWhenItIsDeleted(LocalStack stack)
      throws Exception {
    S3Endpoint s3 =
        stack
            .s3()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "S3 is off: kamerstukken.localstack.s3=true belongs in cli/src/test/resources/junit-platform.properties"));
    BucketScenario.Infrastructure infrastructure =
        new BucketScenario.Infrastructure(
            stack.kafkaBootstrapServers(),
            stack.elasticsearchUrl(),
            new S3Target(
                s3.endpoint(),
                s3.identity(),
                s3.credential(),
                s3.region(),
                S3Target.INBOX_BUCKET,
                S3Target.BLOB_BUCKET));

    Duration searchable = new BucketScenario(infrastructure, work).run();

    assertThat(searchable).isLessThan(Duration.ofSeconds(180));
  }
}
