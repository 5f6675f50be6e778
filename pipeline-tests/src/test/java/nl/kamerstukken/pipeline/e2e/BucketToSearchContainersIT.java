package nl.kamerstukken.pipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import nl.kamerstukken.cli.s3.S3Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The bucket scenario of {@link BucketToSearchIT} on the images docker-compose.yml uses: Kafka
 * (KRaft), Elasticsearch (security off, as the tests' plain HTTP probe needs) and MinIO. Where no
 * Docker engine runs (as in our CI) the class is skipped ("Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class BucketToSearchContainersIT {

  // The same tags as docker-compose.yml (DockerComposeTest checks they are pinned there).
  static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
  static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.2.8";
  static final String MINIO_IMAGE = "minio/minio:RELEASE.2025-04-22T22-12-26Z";

  @Container static final KafkaContainer KAFKA = new KafkaContainer(KAFKA_IMAGE);

  @Container
  static final ElasticsearchContainer ELASTICSEARCH =
      new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
          .withEnv("xpack.security.enabled", "false")
          .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");

  @Container static final MinIOContainer MINIO = new MinIOContainer(MINIO_IMAGE);

  @TempDir Path work;

  @Test
  void aKamerstukPutInMinioBecomesSearchableAndLeavesWhenItIsDeleted() throws Exception {
    BucketScenario.Infrastructure infrastructure =
        new BucketScenario.Infrastructure(
            KAFKA.getBootstrapServers(),
            "http://" + ELASTICSEARCH.getHttpHostAddress(),
            new S3Target(
                URI.create(MINIO.getS3URL()),
                MINIO.getUserName(),
                MINIO.getPassword(),
                "us-east-1",
                S3Target.INBOX_BUCKET,
                S3Target.BLOB_BUCKET));

    Duration searchable = new BucketScenario(infrastructure, work).run();

    assertThat(searchable).isLessThan(Duration.ofSeconds(180));
  }
}
