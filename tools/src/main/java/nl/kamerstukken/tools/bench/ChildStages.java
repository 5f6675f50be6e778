package nl.kamerstukken.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the benchmark's single-process stages in JVMs of their own: bare PDFBox and our parse stage
 * (through {@link StageMain}), and tika-app's batch mode as the peer.
 */
final class ChildStages {

  private final Path work;
  private final Path tikaApp;

  ChildStages(Path work, Path tikaApp) {
    this.work = work;
    this.tikaApp = tikaApp;
  }

  /** Bare PDFBox over {@code set}, after one untimed pass over {@code warmUp}. */
  StageResult pdfbox(BenchSet set, BenchSet warmUp) throws IOException, InterruptedException {
    return inJvm("bare PDFBox PDFTextStripper", "pdfbox", set, warmUp, "1 thread, one JVM");
  }

  /** Our parse stage over {@code set}, after one untimed pass over {@code warmUp}. */
  StageResult parseStage(BenchSet set, BenchSet warmUp) throws IOException, InterruptedException {
    return inJvm(
        "parse stage (KamerstukParser)",
        "parse",
        set,
        warmUp,
        "1 thread, one JVM, sha256 included");
  }

  private StageResult inJvm(String name, String stage, BenchSet set, BenchSet warmUp, String note)
      throws IOException, InterruptedException {
    Path list =
        Files.write(
            work.resolve(stage + "-files.txt"), set.files().stream().map(Path::toString).toList());
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=kamerstukken-tools-logback.xml",
                StageMain.class.getName(),
                stage,
                list.toString()));
    if (!warmUp.files().isEmpty()) {
      command.add(
          Files.write(
                  work.resolve(stage + "-warm-up-files.txt"),
                  warmUp.files().stream().map(Path::toString).toList())
              .toString());
    }
    Path log = work.resolve(stage + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(name + " failed; see " + log);
    }
    List<String> lines = Files.readAllLines(log);
    String[] last = lines.get(lines.size() - 1).trim().split(" ");
    return new StageResult(
        name,
        set.files().size(),
        set.pages(),
        Double.parseDouble(last[0]),
        Long.parseLong(last[1]),
        note + ", " + warmedBy(warmUp));
  }

  /**
   * tika-app batch text extraction of a folder holding the set, 2 consumers; JVM start-up included.
   */
  StageResult tikaApp(BenchSet set, Path folder) throws IOException, InterruptedException {
    Path out = Files.createDirectories(work.resolve("tika-app-out"));
    Path log = work.resolve("tika-app.log");
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
        "tika-app " + versionOf(tikaApp) + " batch (-t)",
        set.files().size(),
        set.pages(),
        seconds,
        peak,
        "2 consumers, forked batch process, start-up included");
  }

  /** How a stage was warmed up, for the report. */
  static String warmedBy(BenchSet warmUp) {
    return warmUp.files().isEmpty()
        ? "cold (a few documents of the set warm up)"
        : "warm (after " + warmUp.files().size() + " other documents)";
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
