package nl.kamerstukken.localstack.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.LocalStackConfig;
import nl.kamerstukken.localstack.host.PosixAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack shared by all tests of one JVM, with its temp dir. A failed start is kept too: every
 * later test gets the same failure at once instead of waiting for its own start timeout.
 */
final class SharedStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);

  private final Path dir;
  private final LocalStack stack;
  private final RuntimeException failure;

  private SharedStack(Path dir, LocalStack stack, RuntimeException failure) {
    this.dir = dir;
    this.stack = stack;
    this.failure = failure;
  }

  static SharedStack start(String externalKafka, String externalElasticsearch, boolean s3) {
    Path dir = createTempDir();
    try {
      return new SharedStack(
          dir, LocalStack.start(config(dir, externalKafka, externalElasticsearch, s3)), null);
    } catch (RuntimeException e) {
      deleteTree(dir);
      return new SharedStack(dir, null, e);
    }
  }

  /** Test config in {@code dir}; blank values of the env variables count as unset. */
  static LocalStackConfig config(
      Path dir, String externalKafka, String externalElasticsearch, boolean s3) {
    return LocalStackConfig.forTests(dir)
        .withExternalKafka(blankToNull(externalKafka))
        .withExternalElasticsearch(blankToNull(externalElasticsearch))
        .withS3(s3);
  }

  LocalStack stack() {
    if (failure != null) {
      throw new IllegalStateException(
          "The shared local stack could not start in this JVM: " + failure.getMessage(), failure);
    }
    return stack;
  }

  @Override
  public void close() {
    if (stack != null) {
      try {
        stack.close();
      } finally {
        deleteTree(dir);
      }
    }
  }

  private static Path createTempDir() {
    try {
      Path dir = Files.createTempDirectory("kamerstukken-stack-");
      // Java creates it rwx------; Elasticsearch runs as another user when we are root and must
      // enter it.
      PosixAccess.openForOthers(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temp dir for the local stack", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Could not delete the local stack's temp dir [{}]: {}", dir, e.getMessage());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
