package org.corridorrisk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Packages depend one way, as docs/architecture.md draws them (checked against the imports with
 * {@code jdeps -verbose:package target/classes}):
 *
 * <pre>
 * importer -> scenario -> model
 * report -> study -> sim -> impact -> network -> model
 *                    sim -> stats;  study, report -> stats;  report -> sim, impact
 * cli -> everything; nothing imports cli
 * </pre>
 *
 * Every layer must exist (no optional layers), and the packages are free of cycles.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.corridorrisk");
  }

  @Test
  void layersDependOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy("org.corridorrisk.cli..")
        .layer("spark")
        .definedBy("org.corridorrisk.spark..")
        .layer("importer")
        .definedBy("org.corridorrisk.importer..")
        .layer("scenario")
        .definedBy("org.corridorrisk.scenario..")
        .layer("report")
        .definedBy("org.corridorrisk.report..")
        .layer("study")
        .definedBy("org.corridorrisk.study..")
        .layer("sim")
        .definedBy("org.corridorrisk.sim..")
        .layer("impact")
        .definedBy("org.corridorrisk.impact..")
        .layer("network")
        .definedBy("org.corridorrisk.network..")
        .layer("stats")
        .definedBy("org.corridorrisk.stats..")
        .layer("model")
        .definedBy("org.corridorrisk.model..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("spark")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("importer")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("scenario")
        .mayOnlyBeAccessedByLayers("cli", "importer", "spark")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("study")
        .mayOnlyBeAccessedByLayers("cli", "report")
        .whereLayer("sim")
        .mayOnlyBeAccessedByLayers("cli", "report", "study", "spark")
        .whereLayer("impact")
        .mayOnlyBeAccessedByLayers("cli", "report", "study", "sim")
        .whereLayer("network")
        .mayOnlyBeAccessedByLayers("cli", "study", "sim", "impact")
        .whereLayer("stats")
        .mayOnlyBeAccessedByLayers("cli", "report", "study", "sim")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers(
            "cli", "importer", "scenario", "report", "study", "sim", "impact", "network", "spark")
        .check(classes);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.corridorrisk.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void modelAndStatsDependOnNoOtherStage() {
    noClasses()
        .that()
        .resideInAnyPackage("org.corridorrisk.model..", "org.corridorrisk.stats..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.corridorrisk.scenario..",
            "org.corridorrisk.importer..",
            "org.corridorrisk.network..",
            "org.corridorrisk.sim..",
            "org.corridorrisk.impact..",
            "org.corridorrisk.study..",
            "org.corridorrisk.report..",
            "org.corridorrisk.cli..")
        .check(classes);
  }

  @Test
  void onlyScenarioAndImporterKnowFileFormats() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.corridorrisk.scenario..",
            "org.corridorrisk.importer..",
            "org.corridorrisk.report..",
            "org.corridorrisk.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson.dataformat.yaml..")
        .check(classes);
  }

  /**
   * Spark is a provided dependency, absent from the application jar: only the spark package (loaded
   * by reflection for {@code --engine spark}) may refer to it, so the local engine never needs it.
   */
  @Test
  void onlyTheSparkPackageUsesSpark() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.corridorrisk.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..")
        .check(classes);
  }

  @Test
  void modelHasNoChartsOrRandomness() {
    noClasses()
        .that()
        .resideInAnyPackage("org.corridorrisk.model..", "org.corridorrisk.network..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jfree..", "org.apache.commons.rng..")
        .check(classes);
  }

  @Test
  void nobodyUsesMathRandom() {
    noClasses()
        .should()
        .callMethod(Math.class, "random")
        .orShould()
        .callConstructor(java.util.Random.class)
        .check(classes);
  }
}
