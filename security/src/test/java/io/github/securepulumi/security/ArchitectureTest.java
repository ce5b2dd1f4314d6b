package io.github.securepulumi.security;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.github.securepulumi.core.architecture.ModuleRules;

/** Module layering and internal packages, checked on the modules on this module's class path. */
@AnalyzeClasses(packages = "io.github.securepulumi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests moduleRules = ArchTests.in(ModuleRules.class);
}
