package nl.kamerstukken.tools.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import nl.kamerstukken.localstack.LocalStack;
import nl.kamerstukken.localstack.LocalStackConfig;

/**
 * The local stack of one benchmark round in a JVM of its own, so that every round's Kafka broker
 * starts as cold as under {@code up} (an in-process broker restarted in the bench's JVM would find
 * its code compiled by the JIT already in the second round): {@code StackMain DIR [KAFKA|-
 * [ELASTICSEARCHURL|-]]} starts the stack with its files in DIR (or reaches the external ones),
 * prints {@code kafka MILLIS KAFKA ELASTICSEARCHURL} as soon as Kafka answers (so the bench can
 * start what needs only Kafka, as {@code up} does) and {@code stack MILLIS KAFKA ELASTICSEARCHURL}
 * when the whole stack does (MILLIS: from the start of main, as {@code up} counts), and stops it at
 * the end of stdin. Logs go to stderr.
 */
public final class StackMain {

  static final String KAFKA_READY = "kafka ";
  static final String READY = "stack ";

  private StackMain() {}

  public static void main(String[] args) throws IOException {
    long started = System.nanoTime();
    LocalStackConfig config = LocalStackConfig.forTests(Path.of(args[0]));
    if (args.length > 1 && !args[1].equals("-")) {
      config = config.withExternalKafka(args[1]);
    }
    if (args.length > 2 && !args[2].equals("-")) {
      config = config.withExternalElasticsearch(args[2]);
    }
    try (LocalStack stack =
        LocalStack.start(config, withKafka -> announce(KAFKA_READY, started, withKafka))) {
      announce(READY, started, stack);
      InputStream in = System.in;
      while (in.read() >= 0) {
        // Runs until the bench closes stdin (or ends).
      }
    }
  }

  private static void announce(String what, long started, LocalStack stack) {
    System.out.println(
        what
            + (System.nanoTime() - started) / 1_000_000
            + " "
            + stack.kafkaBootstrapServers()
            + " "
            + stack.elasticsearchUrl());
    System.out.flush();
  }
}
