package org.scalinglab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package directions of DESIGN.md, read from the compiled classes (so fully qualified names in code count too):
 * ui, cli -> app -> cam, export, train -> tf -> arch -> scaling (-> io, which writes files for all of them), each
 * layer using only those below it, siblings never each other, and only ui touching JavaFX.
 */
class LayersTest {
    static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.scalinglab");
    }

    @Test
    void dependenciesPointDownwardsAndSiblingsDoNotMeet() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("main").definedBy(DescribedPredicate.describe("the root package", c -> c.getPackageName().equals("org.scalinglab")))
                .layer("ui").definedBy("org.scalinglab.ui..")
                .layer("cli").definedBy("org.scalinglab.cli..")
                .layer("app").definedBy("org.scalinglab.app..")
                .layer("cam").definedBy("org.scalinglab.cam..")
                .layer("export").definedBy("org.scalinglab.export..")
                .layer("train").definedBy("org.scalinglab.train..")
                .layer("tf").definedBy("org.scalinglab.tf..")
                .layer("arch").definedBy("org.scalinglab.arch..")
                .layer("scaling").definedBy("org.scalinglab.scaling..")
                .layer("io").definedBy("org.scalinglab.io..")
                .whereLayer("main").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("main")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("main")
                .whereLayer("app").mayOnlyBeAccessedByLayers("main", "ui", "cli")
                .whereLayer("cam").mayOnlyBeAccessedByLayers("ui", "cli", "app")
                .whereLayer("export").mayOnlyBeAccessedByLayers("ui", "cli", "app")
                .whereLayer("train").mayOnlyBeAccessedByLayers("ui", "cli", "app")
                .whereLayer("tf").mayOnlyBeAccessedByLayers("main", "ui", "cli", "app", "cam", "export", "train")
                .whereLayer("arch").mayOnlyBeAccessedByLayers("main", "ui", "cli", "app", "cam", "export", "train", "tf")
                .whereLayer("scaling").mayOnlyBeAccessedByLayers("main", "ui", "cli", "app", "cam", "export", "train", "tf", "arch")
                .whereLayer("io").mayOnlyBeAccessedByLayers("main", "ui", "cli", "app", "cam", "export", "train", "tf", "arch", "scaling")
                .check(classes);
    }

    @Test
    void onlyUiTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.scalinglab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..", "org.jfree.fx..",
                        "com.sun.javafx..", "org.testfx..")
                .because("only the window's package may use JavaFX; everything else runs headless")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.scalinglab.(*)..").should().beFreeOfCycles().check(classes);
    }
}
