package nl.kamerstukken.kit.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import nl.kamerstukken.localstack.host.InstalledJdks;
import nl.kamerstukken.localstack.host.InstalledJdks.Jdk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

  private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3");

  @TempDir Path dir;

  @Test
  void noCacheBeforeJdk25OrWithoutAFolder() {
    assertThat(AotCache.of(dir, Runtime.Version.parse("17.0.17"))).isEmpty();
    assertThat(AotCache.of(dir, Runtime.Version.parse("24.0.2"))).isEmpty();
    assertThat(AotCache.of(null, JDK_25)).isEmpty();
    assertThat(AotCache.of(dir, JDK_25)).isPresent();
  }

  @Test
  void firstLaunchTrainsIntoAFileNamedAfterItsPid() throws IOException {
    Path jar = jar("app.jar");

    AotCache.Launch launch = cache().launch("index-service", jar.toString());

    assertThat(launch.trains()).isTrue();
    assertThat(launch.options())
        .anySatisfy(
            option ->
                assertThat(option)
                    .startsWith(
                        "-XX:AOTCacheOutput=" + dir.resolve("aot").resolve("index-service-"))
                    .endsWith(".training-%p.aot"));
  }

  @Test
  void finishedTrainingOfAnEndedJvmBecomesTheCacheOfLaterLaunches() throws Exception {
    Path jar = jar("app.jar");
    AotCache.Launch first = cache().launch("ingest-service", jar.toString());
    long pid = trainedAndEnded(first, "cache");

    first.exited(pid);
    AotCache.Launch second = cache().launch("ingest-service", jar.toString());

    assertThat(second.trains()).isFalse();
    assertThat(second.options()).containsExactly("-XX:AOTCache=" + first.cache());
    assertThat(Files.readString(first.cache())).isEqualTo("cache");
  }

  @Test
  void trainingWhoseConfigurationIsStillThereIsNotAdopted() throws Exception {
    Path jar = jar("app.jar");
    AotCache.Launch first = cache().launch("parse-worker", jar.toString());
    long pid = trainedAndEnded(first, "half");
    Path training = trainingFile(first, pid);
    Files.writeString(Path.of(training + ".config"), "configuration");

    first.exited(pid);
    AotCache.Launch second = cache().launch("parse-worker", jar.toString());

    assertThat(second.trains()).isTrue();
    assertThat(first.cache()).doesNotExist();
    assertThat(training).exists();
  }

  @Test
  void trainingOfAJvmThatStillRunsIsNotAdopted() throws IOException {
    Path jar = jar("app.jar");
    AotCache.Launch first = cache().launch("parse-service", jar.toString());
    Path training = trainingFile(first, ProcessHandle.current().pid());
    Files.writeString(training, "written so far");

    AotCache.Launch second = cache().launch("parse-service", jar.toString());

    assertThat(second.trains()).isTrue();
    assertThat(training).exists();
  }

  @Test
  void leftoversOfAKilledTrainingAreRemovedOnceOld() throws Exception {
    Path jar = jar("app.jar");
    AotCache.Launch first = cache().launch("assemble-service", jar.toString());
    long pid = endedPid();
    Path training = trainingFile(first, pid);
    Path config = Path.of(training + ".config");
    Files.writeString(config, "configuration of a killed JVM");
    FileTime old = FileTime.from(Instant.now().minus(AotCache.ABANDONED).minusSeconds(60));
    Files.setLastModifiedTime(config, old);

    cache().launch("assemble-service", jar.toString());

    assertThat(config).doesNotExist();
  }

  @Test
  void changedJarOrLibraryGivesANewKeyAndItsCacheReplacesTheOld() throws Exception {
    Path jar = jar("app.jar");
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Path dependency = Files.writeString(lib.resolve("dep.jar"), "v1");
    AotCache cache = cache();
    String key = cache.key(jar.toString());
    AotCache.Launch before = cache.launch("index-service", jar.toString());
    long pid = trainedAndEnded(before, "old cache");
    before.exited(pid);

    Files.writeString(dependency, "version 2");
    assertThat(cache.key(jar.toString())).isNotEqualTo(key);
    AotCache.Launch after = cache.launch("index-service", jar.toString());
    long next = trainedAndEnded(after, "new cache");
    after.exited(next);

    assertThat(after.cache()).isNotEqualTo(before.cache()).exists();
    assertThat(before.cache()).doesNotExist();
  }

  /**
   * The contract with the JDK itself: a JVM launched with the options trains on exit, writes its
   * cache, and the next launch uses it. Needs a JDK 25 or later beside the one running the tests.
   */
  @Test
  void aJdk25TrainsOnExitAndTheNextLaunchUsesTheCache() throws Exception {
    Optional<Path> java =
        InstalledJdks.newest(InstalledJdks.JVM_ROOT, AotCache.FIRST_JDK).map(Jdk::java);
    assumeTrue(java.isPresent(), "no JDK 25 or later in /usr/lib/jvm: skipping the JDK round trip");
    Path jar = helloJar();
    AotCache cache = cache();

    AotCache.Launch training = cache.launch("hello", jar.toString());
    Process first = run(java.get(), training, jar);
    training.exited(first.pid());
    AotCache.Launch trained = cache.launch("hello", jar.toString());
    Process second = run(java.get(), trained, jar);

    assertThat(training.trains()).isTrue();
    assertThat(trained.trains()).as("the second launch finds the trained cache").isFalse();
    assertThat(trained.cache()).isNotEmptyFile();
    assertThat(second.exitValue()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .noneMatch(name -> name.contains(".training-"));
    }
  }

  private AotCache cache() {
    return AotCache.of(dir.resolve("aot"), JDK_25).orElseThrow();
  }

  private Path jar(String name) throws IOException {
    return Files.writeString(dir.resolve(name), "jar " + name);
  }

  private static Path trainingFile(AotCache.Launch launch, long pid) {
    return launch.dir().resolve(launch.trainingPattern().replace("%p", "pid" + pid));
  }

  /** What a JVM of {@code launch} that has ended left: its training file; returns its pid. */
  private static long trainedAndEnded(AotCache.Launch launch, String content) throws Exception {
    long pid = endedPid();
    Files.writeString(trainingFile(launch, pid), content);
    return pid;
  }

  /** The pid of a process that has ended (its number is not reused within a test). */
  private static long endedPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor(10, TimeUnit.SECONDS);
    return process.pid();
  }

  private static Process run(Path java, AotCache.Launch launch, Path jar) throws Exception {
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(launch.options());
    command.addAll(List.of("-cp", jar.toString(), "Hello"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
    return process;
  }

  /** A jar with one class: the AOT cache keeps classes from jars only, not from folders. */
  private Path helloJar() throws IOException {
    Path source = Files.createDirectories(dir.resolve("src")).resolve("Hello.java");
    Files.writeString(
        source,
        "public class Hello { public static void main(String[] a) {"
            + " System.out.println(java.util.List.of(a).size()); } }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), source.toString());
    assertThat(compiled).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    Path jar = Files.createDirectories(dir.resolve("app")).resolve("hello.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream entries = new JarOutputStream(out, manifest)) {
      entries.putNextEntry(new JarEntry("Hello.class"));
      entries.write(Files.readAllBytes(classes.resolve("Hello.class")));
      entries.closeEntry();
    }
    return jar;
  }
}
