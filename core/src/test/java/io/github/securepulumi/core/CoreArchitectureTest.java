package io.github.securepulumi.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.github.securepulumi.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.github.securepulumi.security..", "io.github.securepulumi.audit..", "io.github.securepulumi.pipeline..")
            .because("core is the bottom layer that every other module builds on");

    @ArchTest
    static final ArchRule coreIsIndependentOfTheAwsProvider = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.pulumi.aws..")
            .because("the offline preview runs any Pulumi program, and core must not pin an AWS provider version");

    @ArchTest
    static final ArchRule onlyPulumiInternalsTouchesSdkInternals = noClasses()
            .that().doNotHaveFullyQualifiedName("io.github.securepulumi.core.internal.PulumiInternals")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.pulumi.core.internal..", "com.pulumi.deployment.internal..", "com.pulumi.test.internal..")
            .because("internal Pulumi SDK APIs may change in any release; PulumiInternalsTest pins them in one place");
}
