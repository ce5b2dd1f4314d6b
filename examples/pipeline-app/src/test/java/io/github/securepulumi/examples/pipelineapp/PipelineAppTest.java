package io.github.securepulumi.examples.pipelineapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.PreviewCommand;
import io.github.securepulumi.core.preview.ResourceGraph;
import io.github.securepulumi.pipeline.SecurePipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PipelineAppTest {

    @Test
    void programCreatesOnePipelineWithItsOutputs() {
        ResourceGraph graph = OfflinePreview.builder().projectName("pipeline-app").stackName("ci").build()
                .run(new PipelineApp()).graphOrThrow();

        assertThat(graph.ofType(SecurePipeline.TYPE)).hasSize(1);
        assertThat(graph.ofType("aws:codepipeline/pipeline:Pipeline")).hasSize(1);
        assertThat(graph.ofType("aws:codebuild/project:Project")).hasSize(2);
        assertThat(graph.stackOutputs()).containsOnlyKeys("pipelineArn", "connectionArn", "artifactBucketName", "approvalTopicArn");
        assertThat(graph.stackOutputs()).containsEntry("pipelineArn", "arn:aws:codepipeline:us-east-1:123456789012:pipeline-app");
        assertThat(graph.optOuts()).isEmpty();
    }

    @Test
    void deployStagePinsAndVerifiesPulumiCli() {
        ResourceGraph graph = OfflinePreview.builder().build().run(new PipelineApp()).graphOrThrow();

        Map<?, ?> source = (Map<?, ?>) graph.get("aws:codebuild/project:Project", "pipeline-app-Deploy-prod-project")
                .input("source").orElseThrow();
        assertThat((String) source.get("buildspec"))
                .contains("pulumi-v3.118.0-linux-x64.tar.gz")
                .contains("echo \"" + PipelineApp.PULUMI_CLI_SHA256 + "  pulumi-v3.118.0-linux-x64.tar.gz\" | sha256sum -c -")
                .contains("pulumi up --stack prod --yes");
        assertThat(PipelineApp.PULUMI_CLI_SHA256).matches("[0-9a-f]{64}");
    }

    @Test
    void previewCommandPrintsTreeWavesAndSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = PreviewCommand.run(new String[] {"--program", PipelineApp.class.getName(), "--project", "pipeline-app"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).describedAs(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("pulumi:pulumi:Stack", "securepulumi:pipeline:SecurePipeline", "Wave 1",
                "Preview of pipeline-app-dev:", "0 security opt-outs");
        assertThat(Pattern.compile("(?m)^Wave ").matcher(printed).results().count()).isGreaterThan(3);
    }
}
