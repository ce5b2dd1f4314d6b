package io.github.securepulumi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.PolicyView.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineSourcesTest {

    @Test
    void gitHubSourceUsesConnection() {
        PipelineStack stack = PipelineStack.typical();

        assertThat(sourceAction(stack)).containsEntry("provider", "CodeStarSourceConnection").containsEntry("configuration", Map.of(
                "ConnectionArn", stack.output(stack.connection(), "arn"),
                "FullRepositoryId", "my-org/my-app",
                "BranchName", "main",
                "OutputArtifactFormat", "CODE_ZIP"));
        assertThat(sourceAction(stack).get("outputArtifacts")).isEqualTo(List.of("Source"));
    }

    @Test
    void gitLabAndBitbucketUseTheirProviderType() {
        PipelineStack gitLab = stackWith(PipelineSource.gitLab("my-group/my-app", "main"));
        PipelineStack bitbucket = stackWith(PipelineSource.bitbucket("my-workspace/my-app", "main"));

        assertThat(gitLab.connection().inputString("providerType")).isEqualTo("GitLab");
        assertThat(bitbucket.connection().inputString("providerType")).isEqualTo("Bitbucket");
    }

    @Test
    void pushFiltersBecomeTrigger() {
        PipelineStack stack = PipelineStack.of(SecurePipelineArgs.builder().from(PipelineStack.typicalArgs())
                .pushFilters(List.of(
                        PushFilter.builder().addBranchesInclude("main").addFilePathsInclude("src/**").addFilePathsExclude("docs/**").build(),
                        PushFilter.builder().addTagsInclude("v*").build()))
                .build());

        assertThat(stack.pipeline().input("triggers")).contains(List.of(Map.of(
                "providerType", "CodeStarSourceConnection",
                "gitConfiguration", Map.of(
                        "sourceActionName", "Source",
                        "pushes", List.of(
                                Map.of("branches", Map.of("includes", List.of("main")),
                                        "filePaths", Map.of("includes", List.of("src/**"), "excludes", List.of("docs/**"))),
                                Map.of("tags", Map.of("includes", List.of("v*"))))))));
    }

    @Test
    void s3SourceReadsItsObjectOnly() {
        PipelineStack stack = stackWith(PipelineSource.s3("my-source", "app/source.zip"));
        PolicyView policy = stack.policy(stack.pipelineRolePolicy(), "policy");

        assertThat(sourceAction(stack)).containsEntry("provider", "S3")
                .containsEntry("configuration", Map.of("S3Bucket", "my-source", "S3ObjectKey", "app/source.zip"));
        assertThat(policy.sids()).containsExactly("ArtifactObjects", "ArtifactBucket", "ArtifactKey", "ReadSourceObject",
                "ReadSourceBucket", "RunStageBuilds");
        Statement object = policy.statement("ReadSourceObject");
        assertThat(object.actions()).containsExactly("s3:GetObject", "s3:GetObjectVersion");
        assertThat(object.resources()).containsExactly("arn:aws:s3:::my-source/app/source.zip");
        Statement bucket = policy.statement("ReadSourceBucket");
        assertThat(bucket.actions()).containsExactly("s3:GetBucketVersioning");
        assertThat(bucket.resources()).containsExactly("arn:aws:s3:::my-source");
        assertThat(stack.graph.ofType(PipelineStack.CONNECTION)).isEmpty();
    }

    @Test
    void codeCommitSourceReadsItsRepositoryOnly() {
        PipelineStack stack = stackWith(PipelineSource.codeCommit("my-app", "main"));
        Statement repository = stack.policy(stack.pipelineRolePolicy(), "policy").statement("ReadSourceRepository");

        assertThat(sourceAction(stack)).containsEntry("provider", "CodeCommit")
                .containsEntry("configuration", Map.of("RepositoryName", "my-app", "BranchName", "main"));
        assertThat(repository.actions()).containsExactly("codecommit:CancelUploadArchive", "codecommit:GetBranch",
                "codecommit:GetCommit", "codecommit:GetUploadArchiveStatus", "codecommit:UploadArchive");
        assertThat(repository.resources()).containsExactly("arn:aws:codecommit:us-east-1:123456789012:my-app");
    }

    @Test
    void renamedSourceArtifactFlowsToStages() {
        PipelineStack stack = PipelineStack.of(SecurePipelineArgs.builder()
                .source(PipelineSource.gitHub("my-org/my-app", "main").withOutputArtifact("Code"))
                .addStages(BuildStage.builder().buildspec("version: 0.2\n").inputArtifact("Code").build())
                .build());

        assertThat(sourceAction(stack).get("outputArtifacts")).isEqualTo(List.of("Code"));
    }

    private static PipelineStack stackWith(PipelineSource source) {
        return PipelineStack.of(SecurePipelineArgs.builder()
                .source(source)
                .addStages(BuildStage.builder().buildspec("version: 0.2\n").build())
                .build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sourceAction(PipelineStack stack) {
        List<?> stages = (List<?>) stack.pipeline().input("stages").orElseThrow();
        Map<?, ?> source = (Map<?, ?>) stages.get(0);
        return (Map<String, Object>) ((List<?>) source.get("actions")).get(0);
    }
}
