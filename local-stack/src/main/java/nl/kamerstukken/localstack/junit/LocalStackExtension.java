package nl.kamerstukken.localstack.junit;

import java.util.Map;
import nl.kamerstukken.localstack.LocalStack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalStack} parameter: one stack per test JVM, started on first use with
 * data in a temp dir and closed when the JVM's tests end (it lives in the root store). With env
 * {@code KAMERSTUKKEN_KAFKA} (bootstrap servers) or {@code KAMERSTUKKEN_ELASTICSEARCH} (URL) set,
 * those running services are used instead of starting them. S3 is started only when the JUnit
 * configuration parameter {@code kamerstukken.localstack.s3=true} is set (e.g. in {@code
 * src/test/resources/junit-platform.properties}).
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class IndexingIT {
 *   @Test void indexes(LocalStack stack) { ... stack.kafkaBootstrapServers() ... stack.elasticsearchUrl() ... }
 * }
 * }</pre>
 */
public final class LocalStackExtension implements ParameterResolver {

  static final String KAFKA_ENV = "KAMERSTUKKEN_KAFKA";
  static final String ELASTICSEARCH_ENV = "KAMERSTUKKEN_ELASTICSEARCH";
  static final String S3_PARAMETER = "kamerstukken.localstack.s3";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context).stack();
  }

  private static SharedStack shared(ExtensionContext context) {
    boolean s3 =
        context.getConfigurationParameter(S3_PARAMETER).map(Boolean::parseBoolean).orElse(false);
    Map<String, String> env = System.getenv();
    // The root store closes its AutoCloseable values when the JVM's test run ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SharedStack.class,
            key -> SharedStack.start(env.get(KAFKA_ENV), env.get(ELASTICSEARCH_ENV), s3),
            SharedStack.class);
  }
}
