package io.github.securepulumi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.preview.ResourceNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecurePipelineOrderingTest {

    private static final List<String> STAGES = List.of("Build", "Deploy-prod");

    private static PipelineStack stack;

    @BeforeAll
    static void preview() {
        stack = PipelineStack.typical();
    }

    @Test
    void pipelineDependsOnRolePolicy() {
        assertThat(stack.pipeline().dependsOn())
                .describedAs("the first execution starts at creation and fails without the role's permissions")
                .contains(stack.pipelineRolePolicy().key());
    }

    @Test
    void pipelineDependsOnKeyPolicy() {
        assertThat(stack.pipeline().dependsOn())
                .describedAs("the pipeline role cannot encrypt artifacts before the key policy grants it the key")
                .contains(stack.keyPolicy().key());
    }

    @Test
    void pipelineDependsOnEveryProject() {
        for (String stage : STAGES) {
            assertThat(stack.pipeline().dependsOn())
                    .describedAs(stage + ": the first execution fails if a stage's project does not exist yet")
                    .contains(stack.project(stage).key());
        }
    }

    @Test
    void pipelineDependsOnExactlyTheDocumentedResources() {
        assertThat(stack.pipeline().dependsOn()).containsExactlyInAnyOrder(stack.pipelineRolePolicy().key(), stack.keyPolicy().key(),
                stack.project("Build").key(), stack.project("Deploy-prod").key());
    }

    @Test
    void projectDependsOnItsRolePolicy() {
        for (String stage : STAGES) {
            assertThat(stack.project(stage).dependsOn())
                    .describedAs(stage + ": a build started before its role policy exists cannot read its input")
                    .contains(stack.stageRolePolicy(stage).key());
        }
    }

    @Test
    void projectDependsOnItsLogGroup() {
        for (String stage : STAGES) {
            assertThat(stack.project(stage).dependsOn())
                    .describedAs(stage + ": without the group, the build fails because its role may not create one")
                    .contains(stack.logGroup(stage).key());
        }
    }

    @Test
    void projectDependsOnExactlyTheDocumentedResources() {
        for (String stage : STAGES) {
            assertThat(stack.project(stage).dependsOn()).describedAs(stage)
                    .containsExactlyInAnyOrder(stack.stageRolePolicy(stage).key(), stack.logGroup(stage).key());
        }
    }

    @Test
    void logGroupWaitsForKeyPolicy() {
        for (String stage : STAGES) {
            assertThat(stack.logGroup(stage).dependsOn())
                    .describedAs(stage + ": CloudWatch Logs must be allowed to use the key when the group is created")
                    .containsExactly(stack.keyPolicy().key());
        }
    }

    @Test
    void keyPolicyWaitsForEveryRole() {
        for (ResourceNode role : List.of(stack.pipelineRole(), stack.stageRole("Build"), stack.stageRole("Deploy-prod"))) {
            assertThat(stack.keyPolicy().impliedDependsOn())
                    .describedAs("KMS rejects a key policy naming a role that does not exist yet: " + role.name())
                    .contains(role.key());
        }
    }

    @Test
    void pipelineWaitsForEveryPrerequisite() {
        List<ResourceNode> prerequisites = List.of(stack.pipelineRole(), stack.pipelineRolePolicy(), stack.keyPolicy(),
                stack.bucket(), stack.connection(), stack.topicPolicy(), stack.project("Build"), stack.project("Deploy-prod"));

        for (ResourceNode prerequisite : prerequisites) {
            assertThat(stack.graph.waitsFor(stack.pipeline(), prerequisite)).describedAs(prerequisite.key()).isTrue();
        }
    }

    @Test
    void projectWaitsForRoleAndKey() {
        for (String stage : STAGES) {
            assertThat(stack.graph.waitsFor(stack.project(stage), stack.stageRole(stage))).isTrue();
            assertThat(stack.graph.waitsFor(stack.project(stage), stack.key())).isTrue();
        }
    }

    @Test
    void otherChildrenHaveNoExplicitDependencies() {
        List<ResourceNode> independent = List.of(stack.pipelineRole(), stack.pipelineRolePolicy(), stack.stageRole("Build"),
                stack.stageRolePolicy("Build"), stack.stageRole("Deploy-prod"), stack.stageRolePolicy("Deploy-prod"),
                stack.connection(), stack.topic(), stack.topicPolicy());

        for (ResourceNode node : independent) {
            assertThat(node.dependsOn()).describedAs(node.key()).isEmpty();
        }
    }

    @Test
    void pipelineIsInTheLastWave() {
        var waves = stack.graph.waves();

        assertThat(waves.get(waves.size() - 1)).extracting(ResourceNode::key).containsExactly(stack.pipeline().key());
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        for (ResourceNode node : List.of(stack.pipeline(), stack.pipelineRole(), stack.project("Build"), stack.logGroup("Build"),
                stack.connection(), stack.topic(), stack.topicPolicy())) {
            assertThat(node.parentKey()).describedAs(node.key()).contains(stack.component().key());
        }
    }
}
