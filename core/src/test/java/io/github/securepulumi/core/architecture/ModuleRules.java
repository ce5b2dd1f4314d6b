package io.github.securepulumi.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.pulumi.resources.ComponentResource;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * Architecture rules that every module above {@code core} checks on the classes of its test class
 * path, through {@code ArchTests.in(ModuleRules.class)}. Shipped in core's test jar.
 *
 * <p>Modules that are not on a class path are optional layers, so the same rules run in
 * {@code audit}, which cannot see {@code pipeline}, and the other way round.
 */
public final class ModuleRules {

    private ModuleRules() {
    }

    /** The layering core, then security, then audit and pipeline side by side. */
    @ArchTest
    public static final ArchRule modulesAreLayered = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy("io.github.securepulumi.core..")
            .layer("Security").definedBy("io.github.securepulumi.security..")
            .optionalLayer("Audit").definedBy("io.github.securepulumi.audit..")
            .optionalLayer("Pipeline").definedBy("io.github.securepulumi.pipeline..")
            .whereLayer("Audit").mayNotBeAccessedByAnyLayer()
            .whereLayer("Pipeline").mayNotBeAccessedByAnyLayer()
            .whereLayer("Security").mayOnlyBeAccessedByLayers("Audit", "Pipeline")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Security", "Audit", "Pipeline");

    @ArchTest
    public static final ArchRule coreInternalsStayInCore = internalsStayIn("core");

    @ArchTest
    public static final ArchRule securityInternalsStayInSecurity = internalsStayIn("security");

    @ArchTest
    public static final ArchRule auditInternalsStayInAudit = internalsStayIn("audit");

    @ArchTest
    public static final ArchRule pipelineInternalsStayInPipeline = internalsStayIn("pipeline");

    /** Every component exposes its type token, which is part of every child's URN. */
    @ArchTest
    public static final ArchRule componentsDeclareTheirTypeToken = classes()
            .that().areAssignableTo(ComponentResource.class).and().resideInAPackage("io.github.securepulumi..")
            .should(declareTypeToken())
            .allowEmptyShould(true)
            .because("the type token is part of every child's URN, so it must be a visible constant");

    /** Components report through the Pulumi engine, never the console. */
    @ArchTest
    public static final ArchRule componentsLogThroughPulumi = noClasses()
            .that().resideInAnyPackage("io.github.securepulumi.security..", "io.github.securepulumi.audit..",
                    "io.github.securepulumi.pipeline..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("component messages go to the Pulumi engine, which shows them in preview and up");

    private static ArchRule internalsStayIn(String module) {
        String root = "io.github.securepulumi." + module;
        return noClasses()
                .that().resideOutsideOfPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(root + ".internal..")
                .because("internal packages are not part of a module's API");
    }

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
}
