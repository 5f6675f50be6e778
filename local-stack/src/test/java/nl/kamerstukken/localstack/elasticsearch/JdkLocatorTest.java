package nl.kamerstukken.localstack.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {

  @TempDir Path jvmRoot;

  private final Path runningJdk17 = Path.of("/opt/running-jdk");

  @Test
  void newestInstalledJdkOfAtLeast21IsChosen() throws IOException {
    // Given
    fakeJdk("java-17-openjdk-amd64", "17.0.15");
    Path jdk21 = fakeJdk("java-21-openjdk-amd64", "21.0.4");
    Path jdk25 = fakeJdk("temurin-25-jdk-amd64", "25.0.3");

    // When
    Path chosen = new JdkLocator(null, jvmRoot, runningJdk17, 17).locate();

    // Then
    assertThat(chosen).isEqualTo(jdk25).isNotEqualTo(jdk21);
  }

  @Test
  void runningJvmIsUsedWhenItIs21AndNothingIsInstalled() {
    // Given an empty JVM root and a running Java 21
    Path running = Path.of("/opt/jdk-21");

    // When
    Path chosen = new JdkLocator(null, jvmRoot, running, 21).locate();

    // Then
    assertThat(chosen).isEqualTo(running);
  }

  @Test
  void withoutAnyJdk21TheMessageSaysWhereItLookedAndWhatToDo() throws IOException {
    // Given only a Java 17 installed and running
    fakeJdk("java-17-openjdk-amd64", "17.0.15");

    // When / Then
    assertThatThrownBy(() -> new JdkLocator(null, jvmRoot, runningJdk17, 17).locate())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No JDK 21+ found")
        .hasMessageContaining("ES_JAVA_HOME (not set)")
        .hasMessageContaining(jvmRoot + " (java-17-openjdk-amd64 = Java 17)")
        .hasMessageContaining("the running JVM /opt/running-jdk (Java 17)")
        .hasMessageContaining("set ES_JAVA_HOME")
        .hasMessageContaining("--elasticsearch-url")
        .hasMessageContaining("KAMERSTUKKEN_ELASTICSEARCH");
  }

  @Test
  void anEmptyJvmRootIsReportedAsSuch() {
    assertThatThrownBy(() -> new JdkLocator(null, jvmRoot, runningJdk17, 17).locate())
        .hasMessageContaining(jvmRoot + " (no JDK found)");
  }

  @Test
  void esJavaHomeWinsOverInstalledJdks() throws IOException {
    // Given
    fakeJdk("temurin-25-jdk-amd64", "25.0.3");
    Path chosenByUser = fakeJdk("custom-jdk", "21.0.1");

    // When
    Path chosen = new JdkLocator(chosenByUser.toString(), jvmRoot, runningJdk17, 17).locate();

    // Then
    assertThat(chosen).isEqualTo(chosenByUser);
  }

  @Test
  void esJavaHomeWithoutJavaOrTooOldFailsNamingTheVariable() throws IOException {
    // Given
    Path notAJdk = Files.createDirectories(jvmRoot.resolve("empty"));
    Path jdk17 = fakeJdk("java-17", "17.0.15");

    // When / Then
    assertThatThrownBy(() -> new JdkLocator(notAJdk.toString(), jvmRoot, runningJdk17, 17).locate())
        .hasMessageContaining("ES_JAVA_HOME=[" + notAJdk + "] has no executable bin/java");
    assertThatThrownBy(() -> new JdkLocator(jdk17.toString(), jvmRoot, runningJdk17, 17).locate())
        .hasMessageContaining("ES_JAVA_HOME=[" + jdk17 + "] is Java 17");
  }

  private Path fakeJdk(String name, String version) throws IOException {
    Path home = Files.createDirectories(jvmRoot.resolve(name));
    Files.writeString(
        home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
