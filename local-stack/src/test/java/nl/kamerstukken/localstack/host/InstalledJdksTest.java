package nl.kamerstukken.localstack.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledJdksTest {

  @TempDir Path jvmRoot;

  @Test
  void featureVersionIsReadFromOldAndNewVersionSchemes() {
    assertThat(InstalledJdks.parseFeature("25.0.3")).hasValue(25);
    assertThat(InstalledJdks.parseFeature("21")).hasValue(21);
    assertThat(InstalledJdks.parseFeature("22-ea")).hasValue(22);
    assertThat(InstalledJdks.parseFeature("1.8.0_392")).hasValue(8);
    assertThat(InstalledJdks.parseFeature("unknown")).isEmpty();
  }

  @Test
  void newestIsTheHighestFeatureAtOrAboveTheMinimumWithAJava() throws IOException {
    jdk("java-17-openjdk-amd64", "17.0.17", true);
    Path jdk25 = jdk("temurin-25-jdk-amd64", "25.0.3", true);
    jdk("jdk-26-broken", "26", false);

    assertThat(InstalledJdks.newest(jvmRoot, 21)).map(InstalledJdks.Jdk::home).hasValue(jdk25);
    assertThat(InstalledJdks.newest(jvmRoot, 26)).isEmpty();
    assertThat(InstalledJdks.newest(jvmRoot.resolve("missing"), 17)).isEmpty();
  }

  private Path jdk(String name, String version, boolean withJava) throws IOException {
    Path home = Files.createDirectories(jvmRoot.resolve(name));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    if (withJava) {
      Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return home;
  }
}
