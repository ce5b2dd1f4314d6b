package io.github.securepulumi.pipeline;

import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.PolicyView;
import io.github.securepulumi.core.preview.PreviewResult;
import io.github.securepulumi.core.preview.ResourceGraph;
import io.github.securepulumi.core.preview.ResourceNode;
import io.github.securepulumi.core.preview.SimulatedAccount;
import java.util.List;

/** One pipeline run through the offline preview, with named look-ups of its children. */
final class PipelineStack {

    static final String NAME = "app";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    static final String PIPELINE = "aws:codepipeline/pipeline:Pipeline";
    static final String PROJECT = "aws:codebuild/project:Project";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String ROLE = "aws:iam/role:Role";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String KEY = "aws:kms/key:Key";
    static final String KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    static final String CONNECTION = "aws:codestarconnections/connection:Connection";
    static final String TOPIC = "aws:sns/topic:Topic";
    static final String TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";

    /** SHA-256 used by test stages; only its format matters offline. */
    static final String TEST_SHA256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String TOKEN_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:pulumi/token-AbCdEf";
    static final String DB_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-password-XyZ123";

    final ResourceGraph graph;

    private PipelineStack(ResourceGraph graph) {
        this.graph = graph;
    }

    /** A GitHub source, a Maven build reading one parameter and one secret, and an approved Pulumi deploy of prod. */
    static SecurePipelineArgs typicalArgs() {
        return SecurePipelineArgs.builder()
                .source(PipelineSource.gitHub("my-org/my-app", "main"))
                .addPushFilters(PushFilter.builder().addBranchesInclude("main").addFilePathsInclude("src/**").build())
                .addStages(typicalBuild())
                .addStages(typicalDeploy())
                .build();
    }

    static BuildStage typicalBuild() {
        return BuildStage.builder()
                .buildspec("version: 0.2\nphases:\n  build:\n    commands:\n      - mvn -B package\n")
                .addEnvironmentVariables(EnvironmentVariable.plaintext("MAVEN_OPTS", "-Xmx1g"))
                .addEnvironmentVariables(EnvironmentVariable.parameterStore("DB_URL", "/app/db-url"))
                .addEnvironmentVariables(EnvironmentVariable.secretsManager("DB_PASSWORD", DB_SECRET_ARN))
                .build();
    }

    static PulumiDeployStage typicalDeploy() {
        return PulumiDeployStage.builder()
                .stackName("prod")
                .inputArtifact("BuildOutput")
                .workDir("infra")
                .pulumiCliVersion("3.118.0")
                .pulumiCliSha256(TEST_SHA256)
                .accessTokenSecretArn(TOKEN_SECRET_ARN)
                .manualApproval(true)
                .addPermissions(DeployPermission.of("UpdateAppFunction",
                        List.of("lambda:GetFunction", "lambda:UpdateFunctionCode"),
                        List.of("arn:aws:lambda:us-east-1:123456789012:function:my-app")))
                .build();
    }

    static PipelineStack typical() {
        return of(typicalArgs());
    }

    static PipelineStack of(SecurePipelineArgs args) {
        return new PipelineStack(run(args).graphOrThrow());
    }

    static PreviewResult run(SecurePipelineArgs args) {
        return OfflinePreview.builder().build().run(ctx -> new SecurePipeline(NAME, args, null));
    }

    /** Previews the pipeline in another simulated account, region and partition. */
    static PipelineStack in(SimulatedAccount account, SecurePipelineArgs args) {
        return new PipelineStack(OfflinePreview.builder().account(account).build()
                .run(ctx -> new SecurePipeline(NAME, args, null)).graphOrThrow());
    }

    ResourceNode pipeline() {
        return graph.get(PIPELINE, NAME + "-pipeline");
    }

    ResourceNode component() {
        return graph.get(SecurePipeline.TYPE, NAME);
    }

    ResourceNode pipelineRole() {
        return graph.get(ROLE, NAME + "-pipeline-role");
    }

    ResourceNode pipelineRolePolicy() {
        return graph.get(ROLE_POLICY, NAME + "-pipeline-role-policy");
    }

    ResourceNode stageRole(String stage) {
        return graph.get(ROLE, NAME + "-" + stage + "-role");
    }

    ResourceNode stageRolePolicy(String stage) {
        return graph.get(ROLE_POLICY, NAME + "-" + stage + "-role-policy");
    }

    ResourceNode project(String stage) {
        return graph.get(PROJECT, NAME + "-" + stage + "-project");
    }

    ResourceNode logGroup(String stage) {
        return graph.get(LOG_GROUP, NAME + "-" + stage + "-logs");
    }

    ResourceNode key() {
        return graph.get(KEY, NAME + "-artifacts-key");
    }

    ResourceNode keyPolicy() {
        return graph.get(KEY_POLICY, NAME + "-artifacts-key-policy");
    }

    ResourceNode bucket() {
        return graph.get(BUCKET, NAME + "-artifacts-bucket");
    }

    ResourceNode bucketPolicy() {
        return graph.get(BUCKET_POLICY, NAME + "-artifacts-policy");
    }

    ResourceNode connection() {
        return graph.get(CONNECTION, NAME + "-connection");
    }

    ResourceNode topic() {
        return graph.get(TOPIC, NAME + "-approvals");
    }

    ResourceNode topicPolicy() {
        return graph.get(TOPIC_POLICY, NAME + "-approvals-policy");
    }

    String output(ResourceNode node, String property) {
        return (String) node.output(property).orElseThrow();
    }

    String keyArn() {
        return output(key(), "arn");
    }

    String bucketArn() {
        return output(bucket(), "arn");
    }

    PolicyView policy(ResourceNode node, String property) {
        return PolicyView.of(node, property);
    }
}
