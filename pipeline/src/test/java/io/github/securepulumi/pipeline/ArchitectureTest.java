package io.github.securepulumi.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.pulumi.resources.ComponentResource;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/** Module layering of core, security and pipeline, checked on their compiled classes; audit is not on this classpath. */
@AnalyzeClasses(packages = "io.github.securepulumi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesAreLayered = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy("io.github.securepulumi.core..")
            .layer("Security").definedBy("io.github.securepulumi.security..")
            .optionalLayer("Audit").definedBy("io.github.securepulumi.audit..")
            .layer("Pipeline").definedBy("io.github.securepulumi.pipeline..")
            .whereLayer("Audit").mayNotBeAccessedByAnyLayer()
            .whereLayer("Pipeline").mayNotBeAccessedByAnyLayer()
            .whereLayer("Security").mayOnlyBeAccessedByLayers("Audit", "Pipeline")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Security", "Audit", "Pipeline");

    @ArchTest
    static final ArchRule pipelineDoesNotUseAudit = noClasses()
            .that().resideInAPackage("io.github.securepulumi.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("io.github.securepulumi.audit..")
            .because("the pipeline layer builds on core and security only");

    @ArchTest
    static final ArchRule pipelineInternalsStayInPipeline = noClasses()
            .that().resideOutsideOfPackage("io.github.securepulumi.pipeline..")
            .should().dependOnClassesThat().resideInAPackage("io.github.securepulumi.pipeline.internal..")
            .because("internal packages are not part of a module's API");

    @ArchTest
    static final ArchRule coreInternalsStayInCore = noClasses()
            .that().resideOutsideOfPackage("io.github.securepulumi.core..")
            .should().dependOnClassesThat().resideInAPackage("io.github.securepulumi.core.internal..")
            .because("internal packages are not part of a module's API");

    @ArchTest
    static final ArchRule securityInternalsStayInSecurity = noClasses()
            .that().resideOutsideOfPackage("io.github.securepulumi.security..")
            .should().dependOnClassesThat().resideInAPackage("io.github.securepulumi.security.internal..")
            .because("internal packages are not part of a module's API");

    @ArchTest
    static final ArchRule componentsDeclareTheirTypeToken = classes()
            .that().areAssignableTo(ComponentResource.class).and().resideInAPackage("io.github.securepulumi..")
            .should(declareTypeToken())
            .because("the type token is part of every child's URN, so it must be a visible constant");

    private static ArchCondition<JavaClass> declareTypeToken() {
        return new ArchCondition<>("declare public static final String TYPE") {
            @Override
            public void check(JavaClass component, ConditionEvents events) {
                boolean declared = component.getFields().stream().anyMatch(field -> field.getName().equals("TYPE")
                        && field.getRawType().isEquivalentTo(String.class)
                        && field.getModifiers().containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL)));
                if (!declared) {
                    events.add(SimpleConditionEvent.violated(component, component.getName() + " has no public static final String TYPE"));
                }
            }
        };
    }

    @ArchTest
    static final ArchRule componentsLogThroughPulumi = noClasses()
            .that().resideInAnyPackage("io.github.securepulumi.security..", "io.github.securepulumi.pipeline..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("component messages go to the Pulumi engine, which shows them in preview and up");
}
