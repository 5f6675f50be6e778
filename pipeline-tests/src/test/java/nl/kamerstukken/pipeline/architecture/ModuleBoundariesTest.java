package nl.kamerstukken.pipeline.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Module boundaries: every class outside a service module (cli, tools, the other services,
 * service-kit, shared-model, local-stack, and these pipeline tests) uses only the {@code api}
 * package of that service ({@code nl.kamerstukken.<service>.api}). Its internals can then change
 * without touching another module.
 *
 * <p>Checked on the production classes of every module and on the test classes of this module (it
 * sees them all on its class path). The only exemptions, each for a test that runs a service's own
 * code in-process because that is what it tests:
 *
 * <ul>
 *   <li>{@code ElasticsearchRolesIT} starts index-service ({@code index.app.IndexService} with its
 *       {@code index.config.IndexConfig}) against a secured node;
 *   <li>{@code SavedSearchAlertsIT} starts index-service the same way, to restart it while an alert
 *       waits for its webhook;
 *   <li>{@code Assembly} runs assemble-service's topology ({@code
 *       assemble.topology.AssembleTopology}) in a {@code TopologyTestDriver};
 *   <li>parse-service's test fixtures ({@code parse.fixture}, its test-jar: hostile files) are test
 *       data, not internals.
 * </ul>
 */
class ModuleBoundariesTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importTheClasses() {
    // Only the project's own classes: the libraries they use need not be read (much faster).
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    classes =
        new ClassFileImporter()
            .withImportOption(ModuleBoundariesTest::productionOrPipelineTest)
            .importPackages("nl.kamerstukken");
  }

  /** Production classes of every module, and this module's test classes (not other test jars). */
  private static boolean productionOrPipelineTest(Location location) {
    return new ImportOption.DoNotIncludeTests().includes(location)
        || location.contains("pipeline-tests/target/test-classes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "parse", "assemble", "index"})
  void otherModulesUseOnlyTheApiPackageOfAService(String service) {
    String own = "nl.kamerstukken." + service + "..";
    String api = "nl.kamerstukken." + service + ".api..";
    PackageMatcher inside = PackageMatcher.of(own);
    PackageMatcher inApi = PackageMatcher.of(api);
    ArchCondition<JavaClass> useOnlyTheApi =
        new ArchCondition<>("use only " + api + " of " + service + "-service") {
          @Override
          public void check(JavaClass origin, ConditionEvents events) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
              String target = dependency.getTargetClass().getPackageName();
              if (inside.matches(target) && !inApi.matches(target) && !exempted(dependency)) {
                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
              }
            }
          }
        };
    classes()
        .that(resideOutsideOfPackage(own))
        .should(useOnlyTheApi)
        .because("a service module's internals are its own; other modules go through its api")
        .check(classes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nl.kamerstukken.cli",
        "nl.kamerstukken.tools",
        "nl.kamerstukken.pipeline",
        "nl.kamerstukken.index.api",
        "nl.kamerstukken.parse.api",
        "nl.kamerstukken.ingest",
        "nl.kamerstukken.assemble"
      })
  void seesTheClassesItChecks(String pkg) {
    // Without this, a class path change could make the rule above pass on nothing.
    assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(pkg))).isNotEmpty();
  }

  @Test
  void theExemptedTestsReallyReachIntoAService() {
    // An exemption that is no longer needed should go; and this shows the rule sees dependencies.
    for (Exemption exemption : EXEMPTIONS) {
      assertThat(
              classes.stream()
                  .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                  .anyMatch(exemption::allows))
          .as("%s still uses %s", exemption.origin(), exemption.targets())
          .isTrue();
    }
  }

  /**
   * The exemptions of the class comment: who (a class with its nested classes, or a package
   * pattern) may use what (package patterns).
   */
  static final List<Exemption> EXEMPTIONS =
      List.of(
          new Exemption(
              "nl.kamerstukken.pipeline.security.ElasticsearchRolesIT",
              List.of("nl.kamerstukken.index.app..", "nl.kamerstukken.index.config..")),
          new Exemption(
              "nl.kamerstukken.pipeline.alerts.SavedSearchAlertsIT",
              List.of("nl.kamerstukken.index.app..", "nl.kamerstukken.index.config..")),
          new Exemption(
              "nl.kamerstukken.pipeline.assemble.Assembly",
              List.of("nl.kamerstukken.assemble.topology..")),
          new Exemption("nl.kamerstukken.pipeline..", List.of("nl.kamerstukken.parse.fixture..")));

  private static boolean exempted(Dependency dependency) {
    return EXEMPTIONS.stream().anyMatch(e -> e.allows(dependency));
  }

  record Exemption(String origin, List<String> targets) {

    boolean allows(Dependency dependency) {
      JavaClass from = dependency.getOriginClass();
      boolean who =
          origin.endsWith("..")
              ? PackageMatcher.of(origin).matches(from.getPackageName())
              : from.getName().equals(origin) || from.getName().startsWith(origin + "$");
      String to = dependency.getTargetClass().getPackageName();
      return who && targets.stream().anyMatch(t -> PackageMatcher.of(t).matches(to));
    }
  }
}
