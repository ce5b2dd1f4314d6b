package io.github.securepulumi.examples.pipelineapp;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.securepulumi.pipeline.BuildStage;
import io.github.securepulumi.pipeline.DeployPermission;
import io.github.securepulumi.pipeline.PipelineSource;
import io.github.securepulumi.pipeline.PulumiDeployStage;
import io.github.securepulumi.pipeline.PushFilter;
import io.github.securepulumi.pipeline.SecurePipeline;
import io.github.securepulumi.pipeline.SecurePipelineArgs;
import java.util.List;
import java.util.function.Consumer;

/**
 * A delivery pipeline for a Maven project on GitHub: each push to the branch builds and tests it,
 * then, once a person approves, {@code pulumi up} deploys the project's {@code prod} stack from its
 * {@code infra} folder.
 *
 * <p>Run it for real with {@code pulumi up} in this folder, or offline with the preview command in
 * the repository's README. After the first {@code pulumi up}, complete the GitHub connection once
 * in the CodePipeline console (Settings, Connections).
 */
public final class PipelineApp implements Consumer<Context> {

    /** Pulumi CLI release the deployment installs. */
    static final String PULUMI_CLI_VERSION = "3.118.0";

    /**
     * SHA-256 of {@code pulumi-v3.118.0-linux-x64.tar.gz}. Source: nixpkgs, file
     * {@code pkgs/tools/admin/pulumi-bin/data.nix} at commit 3c5d569cf9fd677e5a901378f47c47f342485bab,
     * which records it in Nix base-32 as {@code 15xa9j36hjqsr42k7q7svrlc3n3sp6rj5jfkn7kqqzggc550xmsv};
     * this is the same digest in hexadecimal. Nix checks the digest on every download of the archive.
     * NOTE: it was not compared with Pulumi's own checksums file, which this offline build cannot
     * reach; compare it with {@code pulumi-3.118.0-checksums.txt} of the release before relying on it.
     */
    static final String PULUMI_CLI_SHA256 = "5bd70e4a61ef7d8ce7b1d3c922b3b97ad8c168defae03305c91a4b68864caa97";

    /** Builds and tests with Maven, then hands the whole workspace to the deploy stage. */
    static final String MAVEN_BUILDSPEC = """
            version: 0.2
            phases:
              build:
                commands:
                  - mvn -B verify
            artifacts:
              files:
                - '**/*'
            """;

    /** Entry point that {@code pulumi up} runs through {@code mvn compile exec:java}. */
    public static void main(String[] args) {
        Pulumi.run(new PipelineApp());
    }

    @Override
    public void accept(Context ctx) {
        String repository = ctx.config().get("repository").orElse("my-org/my-app");
        String branch = ctx.config().get("branch").orElse("main");
        String tokenParameter = ctx.config().get("accessTokenParameter").orElse("/pulumi/access-token");
        String siteBucket = ctx.config().get("siteBucket").orElse("my-app-prod-site");

        var pipeline = new SecurePipeline("pipeline-app", SecurePipelineArgs.builder()
                .source(PipelineSource.gitHub(repository, branch))
                .addPushFilters(PushFilter.builder().addBranchesInclude(branch).build())
                .addStages(BuildStage.builder().buildspec(MAVEN_BUILDSPEC).build())
                .addStages(PulumiDeployStage.builder()
                        .stackName("prod")
                        .inputArtifact("BuildOutput")
                        .workDir("infra")
                        .pulumiCliVersion(PULUMI_CLI_VERSION)
                        .pulumiCliSha256(PULUMI_CLI_SHA256)
                        .accessTokenParameterName(tokenParameter)
                        .manualApproval(true)
                        .addPermissions(DeployPermission.of("PublishSite",
                                List.of("s3:DeleteObject", "s3:GetObject", "s3:PutObject"),
                                List.of("arn:aws:s3:::" + siteBucket + "/*")))
                        .addPermissions(DeployPermission.of("ReadSiteBucket",
                                List.of("s3:GetBucketLocation", "s3:ListBucket"),
                                List.of("arn:aws:s3:::" + siteBucket)))
                        .build())
                .putTags("owner", "platform")
                .putTags("stack", ctx.stackName())
                .build(), null);

        ctx.export("pipelineArn", pipeline.pipelineArn);
        ctx.export("connectionArn", pipeline.connectionArn);
        ctx.export("artifactBucketName", pipeline.artifactBucketName);
        ctx.export("approvalTopicArn", pipeline.approvalTopicArn);
    }
}
