package nl.kamerstukken.parse.isolation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import nl.kamerstukken.model.Json;
import nl.kamerstukken.model.ReasonCode;
import nl.kamerstukken.parse.DocumentParser;
import nl.kamerstukken.parse.KamerstukParser;
import nl.kamerstukken.parse.api.ParserSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parse worker: a child JVM that builds one {@link KamerstukParser} and parses one document per
 * request read from stdin, replying on stdout (see {@link Frames}). Everything else it prints
 * (logs, libraries that write to {@code System.out}) goes to stderr, so the protocol stream stays
 * clean.
 *
 * <p>Arguments: the {@link ParserSettings} as JSON, the largest reply in bytes, and (optional) how
 * many milliseconds to {@link WarmUp warm up} in all, while no request waits (after reporting
 * ready). It exits when stdin closes or its parent process ends, so a killed service leaves no
 * workers behind. Run by {@link WorkerProcess} with {@code -XX:+ExitOnOutOfMemoryError}: an
 * OutOfMemoryError ends the process (exit code 3) instead of leaving a half-broken parser running.
 */
public final class ParseWorkerMain {

  /** Exit code after a stack overflow: the worker replied and stops, a fresh one takes over. */
  static final int EXIT_BROKEN = 70;

  private static final Logger LOG = LoggerFactory.getLogger(ParseWorkerMain.class);

  private ParseWorkerMain() {}

  public static void main(String[] args) throws IOException {
    ParserSettings settings = Json.mapper().readValue(args[0], ParserSettings.class);
    Duration warmUp = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 0);
    run(() -> KamerstukParser.create(settings), Integer.parseInt(args[1]), warmUp);
  }

  /**
   * Serves requests with the parser {@code factory} builds until stdin closes, then exits the JVM.
   * Tests run misbehaving parsers through this same loop. The parser is warmed up for {@code
   * warmUp} in all, only while no request waits.
   */
  static void run(Supplier<DocumentParser> factory, int maxReplyBytes, Duration warmUp)
      throws IOException {
    DataOutputStream replies =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    exitWithParent();
    DataInputStream requests =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    try (DocumentParser parser = factory.get();
        WarmUp warming = WarmUp.of(warmUp)) {
      Frames.write(replies, Json.mapper().writeValueAsBytes(WorkerReply.ready()));
      serve(parser, requests, replies, maxReplyBytes, warming);
    }
    System.exit(0);
  }

  private static void serve(
      DocumentParser parser,
      DataInputStream requests,
      DataOutputStream replies,
      int maxReplyBytes,
      WarmUp warming)
      throws IOException {
    while (true) {
      warming.whileIdle(parser, () -> requests.available() == 0);
      WorkerRequest request;
      try {
        request =
            Json.mapper().readValue(Frames.read(requests, 1 << 20, LOG::warn), WorkerRequest.class);
      } catch (EOFException e) {
        return;
      }
      WorkerReply reply = parse(parser, request);
      byte[] bytes = Json.mapper().writeValueAsBytes(reply);
      if (bytes.length > maxReplyBytes) {
        bytes =
            Json.mapper()
                .writeValueAsBytes(
                    WorkerReply.failed(
                        request.id(),
                        ReasonCode.TOO_LARGE,
                        request.source().fileName()
                            + " parsed into "
                            + bytes.length / (1024 * 1024)
                            + " MB, more than the "
                            + maxReplyBytes / (1024 * 1024)
                            + " MB a parsed-document event may hold; split the document",
                        false));
      }
      Frames.write(replies, bytes);
      if (reply.workerBroken()) {
        System.exit(EXIT_BROKEN);
      }
    }
  }

  private static WorkerReply parse(DocumentParser parser, WorkerRequest request) {
    String name = request.source().fileName();
    try {
      return WorkerReply.of(
          request.id(),
          parser.parse(Path.of(request.file()), request.source(), request.receivedAt()));
    } catch (StackOverflowError e) {
      return WorkerReply.failed(
          request.id(),
          ReasonCode.PARSER_CRASHED,
          "the parser overflowed its stack on "
              + name
              + " (nesting too deep); the document cannot be read",
          true);
    } catch (RuntimeException e) {
      LOG.error("parser crashed on [{}]", name, e);
      return WorkerReply.failed(
          request.id(),
          ReasonCode.PARSER_CRASHED,
          "the parser crashed on "
              + name
              + ": "
              + e
              + ". This is a bug; please report it with the file.",
          false);
    }
  }

  /** Stops this worker as soon as the service that started it is gone (even after kill -9). */
  private static void exitWithParent() {
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
  }
}
