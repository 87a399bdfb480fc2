package io.guanxi;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layout the README draws holds: no package depends on one that depends on it back,
 * so each capability can be read, tested and changed from its own package down.
 */
class LayoutTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.guanxi");

    @Test
    void noPackageDependsOnOneThatDependsOnItBack() {
        slices().matching("io.guanxi.(**)").should().beFreeOfCycles().check(SERVICE);
    }
}
