package nl.kamerstukken.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's single-process stages in JVMs of their own: bare PDFBox and our parse stage
 * (through {@link StageMain}), each one JVM that warms up once and then measures set after set, so
 * their runs can be interleaved with the pipeline's; and tika-app's batch mode as the peer, a new
 * process each time (start-up included).
 */
final class ChildStages implements AutoCloseable {

  static final String PDFBOX = "bare PDFBox PDFTextStripper";
  static final String PARSE = "parse stage (KamerstukParser)";
  static final String TIKA = "tika-app";

  private final Path work;
  private final Path tikaApp;
  private final String warmedBy;
  private final Child pdfbox;
  private final Child parse;

  private ChildStages(Path work, Path tikaApp, String warmedBy, Child pdfbox, Child parse) {
    this.work = work;
    this.tikaApp = tikaApp;
    this.warmedBy = warmedBy;
    this.pdfbox = pdfbox;
    this.parse = parse;
  }

  /**
   * Starts the PDFBox and parse-stage JVMs and waits until both have processed {@code warmUp}
   * (untimed; one after the other, so neither warms up on half a machine).
   */
  static ChildStages start(Path work, Path tikaApp, BenchSet warmUp) throws IOException {
    Path list = Files.write(work.resolve("warm-up-files.txt"), paths(warmUp));
    Child pdfbox = Child.start(work, "pdfbox", list);
    try {
      pdfbox.awaitReady();
      Child parse = Child.start(work, "parse", list);
      parse.awaitReady();
      return new ChildStages(work, tikaApp, warmedBy(warmUp), pdfbox, parse);
    } catch (IOException | RuntimeException e) {
      pdfbox.close();
      throw e;
    }
  }

  /** Bare PDFBox over {@code set}, in its warm JVM. */
  StageResult pdfbox(BenchSet set) throws IOException {
    return pdfbox.measure(PDFBOX, set, "1 thread, one JVM, " + warmedBy);
  }

  /** Our parse stage over {@code set}, in its warm JVM. */
  StageResult parseStage(BenchSet set) throws IOException {
    return parse.measure(PARSE, set, "1 thread, one JVM, sha256 included, " + warmedBy);
  }

  /**
   * tika-app batch text extraction of a folder holding the set, 2 consumers; JVM start-up included.
   */
  StageResult tikaApp(BenchSet set, Path folder) throws IOException, InterruptedException {
    Path out = Files.createDirectories(work.resolve("tika-app-out-" + set.tag()));
    Path log = work.resolve("tika-app-" + set.tag() + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-jar",
                tikaApp.toString(),
                "-t",
                "-numConsumers",
                "2",
                "-i",
                folder.toString(),
                "-o",
                out.toString()));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long peak = 0;
    while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, treeRss(process.toHandle()));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (process.exitValue() != 0) {
      throw new IllegalStateException("tika-app failed; see " + log);
    }
    return new StageResult(
        TIKA + " " + versionOf(tikaApp) + " batch (-t)",
        set.files().size(),
        set.pages(),
        seconds,
        peak,
        "2 consumers, forked batch process, start-up included");
  }

  /** How a stage was warmed up, for the report. */
  static String warmedBy(BenchSet warmUp) {
    return warmUp.files().isEmpty()
        ? "cold (no warm-up set)"
        : "warm (after " + warmUp.files().size() + " other documents)";
  }

  @Override
  public void close() {
    pdfbox.close();
    parse.close();
  }

  private static List<String> paths(BenchSet set) {
    return set.files().stream().map(Path::toString).toList();
  }

  /** A {@link StageMain} JVM: list files go in on stdin, {@code result} lines come back. */
  private record Child(String stage, Process process, BufferedReader answers, Writer requests) {

    static Child start(Path work, String stage, Path warmUpList) throws IOException {
      List<String> command =
          List.of(
              java(),
              "-Xmx512m",
              "-cp",
              System.getProperty("java.class.path"),
              "-Dlogback.configurationFile=kamerstukken-tools-logback.xml",
              StageMain.class.getName(),
              stage,
              warmUpList.toString());
      Process process =
          new ProcessBuilder(command).redirectError(work.resolve(stage + ".log").toFile()).start();
      return new Child(
          stage,
          process,
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
          new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    }

    void awaitReady() throws IOException {
      answer(StageMain.READY);
    }

    StageResult measure(String name, BenchSet set, String note) throws IOException {
      Path list =
          Files.write(set.dir().resolveSibling(set.tag() + "-" + stage + ".txt"), paths(set));
      requests.write(list + "\n");
      requests.flush();
      String[] figures = answer(StageMain.RESULT).substring(StageMain.RESULT.length()).split(" ");
      return new StageResult(
          name,
          set.files().size(),
          set.pages(),
          Double.parseDouble(figures[0]),
          Long.parseLong(figures[1]),
          note);
    }

    /** The next line on stdout that starts with {@code prefix}; other lines are skipped. */
    private String answer(String prefix) throws IOException {
      for (String line = answers.readLine(); line != null; line = answers.readLine()) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      throw new IllegalStateException(
          "the " + stage + " JVM ended (exit " + exitCode() + "); see its log in the run folder");
    }

    private String exitCode() {
      try {
        return process.waitFor(10, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "?";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "?";
      }
    }

    void close() {
      try {
        requests.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Sum of the peak RSS of a process and its descendants, in MB. */
  private static long treeRss(ProcessHandle root) {
    long sum = Math.max(0, PeakRss.megabytes(root.pid()));
    for (ProcessHandle child : root.descendants().toList()) {
      sum += Math.max(0, PeakRss.megabytes(child.pid()));
    }
    return sum;
  }

  private static String versionOf(Path jar) {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      String version = file.getManifest().getMainAttributes().getValue("Implementation-Version");
      return version == null ? "(version unknown)" : version;
    } catch (IOException e) {
      return "(version unknown)";
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
