package io.github.securepulumi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.InvalidArgsException;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.PreviewResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurePipelineValidationTest {

    private static final String PREFIX = "SecurePipeline \"app\": ";

    @Test
    void acceptsTypicalPipeline() {
        assertThat(PipelineStack.run(PipelineStack.typicalArgs()).succeeded()).isTrue();
    }

    @Test
    void rejectsPipelineNameWithIllegalCharacters() {
        PreviewResult result = run(args().pipelineName("my app!").build());

        assertRejected(result, "pipelineName is \"my app!\", but CodePipeline names are 1 to 100 letters, digits and . @ - _; "
                + "rename it, for example to \"my-app-pipeline\".");
    }

    @Test
    void rejectsComponentNameThatIsNoPipelineName() {
        PreviewResult result = OfflinePreview.builder().build().run(ctx -> new SecurePipeline("my app", args().build(), null));

        assertThat(result.failure()).get().extracting(Throwable::getMessage).isEqualTo("SecurePipeline \"my app\": "
                + "pipelineName (default: the component name) is \"my app\", but CodePipeline names are 1 to 100 letters, digits "
                + "and . @ - _; rename it, for example to \"my-app-pipeline\".");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsPipelineWithoutStages() {
        PreviewResult result = run(args().stages(List.of()).build());

        assertRejected(result, "stages is \"empty\", but a pipeline needs at least one build or deploy stage after the source; "
                + "add a BuildStage, a PulumiDeployStage or a CloudFormationDeployStage.");
    }

    @Test
    void rejectsUnsupportedStageType() {
        PipelineStage custom = new PipelineStage() {
            @Override
            public String name() {
                return "Custom";
            }

            @Override
            public String inputArtifact() {
                return "Source";
            }
        };

        PreviewResult result = run(args().stages(List.of(custom)).build());

        InvalidArgsException error = (InvalidArgsException) result.failure().orElseThrow();
        assertThat(error.problems()).singleElement().asString().startsWith("stages[0] is a ")
                .endsWith(", but SecurePipeline supports only BuildStage, PulumiDeployStage and CloudFormationDeployStage; build the stage "
                        + "with one of their builders.");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsStageNameWithIllegalCharacters() {
        PreviewResult result = run(args().stages(List.of(build().name("Build it").build())).build());

        assertRejected(result, "stages[0].name is \"Build it\", but CodePipeline stage and action names are 1 to 100 letters, "
                + "digits and . @ - _; rename it.");
    }

    @Test
    void rejectsActionNameThatIsTooLong() {
        String longName = "a".repeat(101);

        PreviewResult result = run(args().stages(List.of(build().actionName(longName).build())).build());

        assertRejected(result, "stages[0].actionName is \"" + longName + "\", but CodePipeline stage and action names are 1 to 100 "
                + "letters, digits and . @ - _; rename it.");
    }

    @Test
    void rejectsStageNamedLikeSourceStage() {
        PreviewResult result = run(args().stages(List.of(build().name("Source").outputArtifact("Built").build())).build());

        assertRejected(result, "stages[0].name is \"Source\", but another stage (or the source stage, named Source) already has "
                + "that name; give each stage its own name.");
    }

    @Test
    void rejectsStagesSharingProjectName() {
        PreviewResult result = run(args().stages(List.of(
                build().name("Unit.Tests").build(),
                build().name("Unit-Tests").outputArtifact("Other").build())).build());

        assertRejected(result, "stages[1].name is \"Unit-Tests\", but another stage already gets the CodeBuild project name "
                + "\"app-Unit-Tests\", because . and @ become - in project names; rename one of the stages.");
    }

    @Test
    void rejectsInputArtifactNobodyWrites() {
        PreviewResult result = run(args().stages(List.of(build().inputArtifact("Sources").build())).build());

        assertRejected(result, "stages[0].inputArtifact is \"Sources\", but no earlier stage writes it; read one of [Source].");
    }

    @Test
    void rejectsStageReadingLaterOutput() {
        PreviewResult result = run(args().stages(List.of(
                deploy().inputArtifact("BuildOutput").build(),
                build().build())).build());

        assertRejected(result, "stages[0].inputArtifact is \"BuildOutput\", but it is written by stages[1], which runs at the same "
                + "time or later; move that stage before this one.");
    }

    @Test
    void rejectsDuplicateOutputArtifact() {
        PreviewResult result = run(args().stages(List.of(
                build().build(),
                build().name("Test").outputArtifact("BuildOutput").build())).build());

        assertRejected(result, "stages[1].outputArtifact is \"BuildOutput\", but an earlier stage already writes an artifact of "
                + "that name; give each output artifact its own name.");
    }

    @Test
    void rejectsArtifactNameWithIllegalCharacters() {
        PreviewResult result = run(args().stages(List.of(build().outputArtifact("build.out").build())).build());

        assertRejected(result, "stages[0].outputArtifact is \"build.out\", but CodePipeline artifact names are 1 to 100 letters, "
                + "digits, - and _; rename it.");
    }

    @Test
    void rejectsPlaintextVariableWithSecretName() {
        PreviewResult result = run(args().stages(List.of(build()
                .addEnvironmentVariables(EnvironmentVariable.plaintext("DB_PASSWORD", "hunter2")).build())).build());

        assertRejected(result, "stages[0].environmentVariables[0] (DB_PASSWORD) is a PLAINTEXT variable that looks like a secret, "
                + "but plaintext values are visible to anyone who can read the project; store the value in Secrets Manager or as "
                + "an SSM SecureString and pass it with type SECRETS_MANAGER or PARAMETER_STORE.");
        assertThat(result.failure().orElseThrow().getMessage()).describedAs("the error never repeats the secret").doesNotContain("hunter2");
    }

    @Test
    void rejectsPlaintextVariableWithSecretValue() {
        String accessKeyId = "AKIA" + "ABCDEFGHIJKLMNOP";

        PreviewResult result = run(args().stages(List.of(build()
                .addEnvironmentVariables(EnvironmentVariable.plaintext("UPLOAD_ID", accessKeyId)).build())).build());

        assertRejected(result, "stages[0].environmentVariables[0] (UPLOAD_ID) is a PLAINTEXT variable that looks like a secret, "
                + "but plaintext values are visible to anyone who can read the project; store the value in Secrets Manager or as "
                + "an SSM SecureString and pass it with type SECRETS_MANAGER or PARAMETER_STORE.");
        assertThat(result.failure().orElseThrow().getMessage()).doesNotContain(accessKeyId);
    }

    @Test
    void acceptsSecretNameFromSecretStores() {
        PreviewResult result = run(args().stages(List.of(build()
                .addEnvironmentVariables(EnvironmentVariable.parameterStore("API_TOKEN", "/app/api-token"))
                .addEnvironmentVariables(EnvironmentVariable.secretsManager("DB_PASSWORD", PipelineStack.DB_SECRET_ARN))
                .build())).build());

        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void rejectsAwsCredentialVariable() {
        PreviewResult result = run(args().stages(List.of(build()
                .addEnvironmentVariables(EnvironmentVariable.secretsManager("AWS_SECRET_ACCESS_KEY", PipelineStack.DB_SECRET_ARN))
                .build())).build());

        assertRejected(result, "stages[0].environmentVariables[0].name is \"AWS_SECRET_ACCESS_KEY\", but AWS credentials come only "
                + "from the stage's role, so no stage may set them; remove the variable and grant the role what it needs.");
    }

    @Test
    void rejectsParameterArnWhereNameExpected() {
        PreviewResult result = run(args().stages(List.of(build().addEnvironmentVariables(EnvironmentVariable.parameterStore(
                "DB_URL", "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-url")).build())).build());

        assertRejected(result, "stages[0].environmentVariables[0].value is \"arn:aws:ssm:us-east-1:123456789012:parameter/app/db-url\", "
                + "but PARAMETER_STORE takes the parameter's name, not its ARN; pass the name, such as \"/my-app/db-url\".");
    }

    @Test
    void rejectsSecretNameWhereArnExpected() {
        PreviewResult result = run(args().stages(List.of(build().addEnvironmentVariables(EnvironmentVariable.secretsManager(
                "DB_PASSWORD", "app/db-password")).build())).build());

        assertRejected(result, "stages[0].environmentVariables[0].value is \"app/db-password\", but SECRETS_MANAGER takes the "
                + "secret's full ARN, so the stage's role can be granted that secret alone; pass an ARN such as "
                + "arn:aws:secretsmanager:us-east-1:123456789012:secret:my-app/token-AbCdEf.");
    }

    @Test
    void rejectsS3BucketArnWhereNameExpected() {
        PreviewResult result = run(args().source(PipelineSource.s3("arn:aws:s3:::my-source", "app.zip")).build());

        assertRejected(result, "source.location is \"arn:aws:s3:::my-source\", but an S3 source needs the bucket name, not an ARN or "
                + "URL; pass only the name, such as \"my-source-bucket\".");
    }

    @Test
    void rejectsCodeCommitArnWhereNameExpected() {
        PreviewResult result = run(args().source(PipelineSource.codeCommit("arn:aws:codecommit:us-east-1:123456789012:app", "main"))
                .build());

        assertRejected(result, "source.location is \"arn:aws:codecommit:us-east-1:123456789012:app\", but a CodeCommit source needs "
                + "the repository name, not its ARN; pass only the name after the last colon.");
    }

    @Test
    void rejectsRepositoryUrlForConnection() {
        PreviewResult result = run(args().source(PipelineSource.gitHub("https://github.com/my-org/my-app", "main")).build());

        assertRejected(result, "source.location is \"https://github.com/my-org/my-app\", but a connection source needs the "
                + "repository as owner/name, such as \"my-org/my-app\"; pass that, not a URL or ARN.");
    }

    @Test
    void rejectsFilePathsWithoutBranches() {
        PreviewResult result = run(args().addPushFilters(PushFilter.builder().addFilePathsInclude("src/**").build()).build());

        assertRejected(result, "pushFilters[0] has file paths without branches, but CodePipeline accepts file paths only together "
                + "with branches in one push filter; add branchesInclude, such as \"main\".");
    }

    @Test
    void rejectsTagsWithBranches() {
        PreviewResult result = run(args().addPushFilters(PushFilter.builder().addTagsInclude("v*").addBranchesInclude("main").build())
                .build());

        assertRejected(result, "pushFilters[0] combines tags with branches or file paths, but CodePipeline accepts only tags, "
                + "branches, or branches with file paths in one push filter; put the tag patterns in a filter of their own.");
    }

    @Test
    void rejectsEmptyPushFilter() {
        PreviewResult result = run(args().addPushFilters(PushFilter.builder().build()).build());

        assertRejected(result, "pushFilters[0] is empty, but a push filter needs branches or tags; add branchesInclude or tagsInclude.");
    }

    @Test
    void rejectsMoreThanThreePushFilters() {
        PushFilter main = PushFilter.builder().addBranchesInclude("main").build();

        PreviewResult result = run(args().pushFilters(List.of(main, main, main, main)).build());

        assertRejected(result, "pushFilters is \"4 filters\", but CodePipeline accepts at most 3 push filters in a trigger; "
                + "merge their patterns into 3 or fewer.");
    }

    @Test
    void rejectsMoreThanEightPatterns() {
        PushFilter wide = PushFilter.builder().addBranchesInclude("a", "b", "c", "d", "e", "f", "g", "h", "i").build();

        PreviewResult result = run(args().addPushFilters(wide).build());

        assertRejected(result, "pushFilters[0].branchesInclude is \"9 patterns\", but CodePipeline accepts at most 8 patterns in "
                + "one list; use broader glob patterns or split the filter.");
    }

    @Test
    void acceptsEveryValidFilterCombination() {
        PreviewResult result = run(args().pushFilters(List.of(
                PushFilter.builder().addTagsInclude("v*").build(),
                PushFilter.builder().addBranchesInclude("main").build(),
                PushFilter.builder().addBranchesInclude("release/**").addFilePathsExclude("docs/**").build())).build());

        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void rejectsPushFiltersOnS3Source() {
        PreviewResult result = run(args().source(PipelineSource.s3("my-source", "app.zip"))
                .addPushFilters(PushFilter.builder().addBranchesInclude("main").build()).build());

        assertRejected(result, "pushFilters are set, but only GitHub, GitLab and Bitbucket sources (through a connection) support "
                + "trigger filters, and the source is S3; remove the push filters.");
    }

    @Test
    void rejectsUnpinnedImage() {
        PreviewResult result = run(args().stages(List.of(build().image("aws/codebuild/standard:latest").build())).build());

        assertRejected(result, "stages[0].image is \"aws/codebuild/standard:latest\", but the image is not pinned to a version, so "
                + "builds change when the image does; use a versioned tag such as \"aws/codebuild/amazonlinux2-x86_64-standard:5.0\" "
                + "or a digest.");
    }

    @Test
    void rejectsTimeoutsOutsideCodeBuildRange() {
        PreviewResult result = run(args().stages(List.of(build().buildTimeoutMinutes(3000).queuedTimeoutMinutes(1).build())).build());

        InvalidArgsException error = (InvalidArgsException) result.failure().orElseThrow();
        assertThat(error.problems()).containsExactly(
                "stages[0].buildTimeoutMinutes is 3000, but CodeBuild accepts 5 to 2160 minutes; choose a value in that range.",
                "stages[0].queuedTimeoutMinutes is 1, but CodeBuild accepts 5 to 480 minutes; choose a value in that range.");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsRetentionCloudWatchDoesNotAccept() {
        PreviewResult result = run(args().logRetentionDays(366).build());

        assertRejected(result, "logRetentionDays is 366, but CloudWatch Logs accepts only "
                + "[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]; "
                + "choose one of those.");
    }

    @Test
    void rejectsInexactPulumiVersion() {
        PreviewResult result = run(args().stages(List.of(deploy().pulumiCliVersion("latest").build())).build());

        assertRejected(result, "stages[0].pulumiCliVersion is \"latest\", but it must be an exact release such as \"3.118.0\", so the "
                + "download matches its checksum; pass the version number.");
    }

    @Test
    void rejectsMalformedChecksum() {
        PreviewResult result = run(args().stages(List.of(deploy().pulumiCliSha256("abc123").build())).build());

        assertRejected(result, "stages[0].pulumiCliSha256 is \"abc123\", but it must be the 64 lowercase hexadecimal characters of "
                + "the tarball's SHA-256; copy it from the release's checksums file.");
    }

    @Test
    void rejectsTwoTokenSources() {
        PreviewResult result = run(args().stages(List.of(deploy().accessTokenParameterName("/pulumi/token").build())).build());

        assertRejected(result, "stages[0] must read the Pulumi access token from exactly one place; set either accessTokenSecretArn "
                + "or accessTokenParameterName (an SSM SecureString).");
    }

    @Test
    void rejectsMissingTokenSource() {
        PreviewResult result = run(args().stages(List.of(deploy().accessTokenSecretArn(Optional.empty()).build())).build());

        assertRejected(result, "stages[0] must read the Pulumi access token from exactly one place; set either accessTokenSecretArn "
                + "or accessTokenParameterName (an SSM SecureString).");
    }

    @Test
    void rejectsTokenParameterArn() {
        PreviewResult result = run(args().stages(List.of(deploy().accessTokenSecretArn(Optional.empty())
                .accessTokenParameterName("arn:aws:ssm:us-east-1:123456789012:parameter/pulumi/token").build())).build());

        assertRejected(result, "stages[0].accessTokenParameterName is \"arn:aws:ssm:us-east-1:123456789012:parameter/pulumi/token\", "
                + "but it takes the parameter's name, not its ARN; pass the name, such as \"/pulumi/access-token\".");
    }

    @Test
    void rejectsOwnAccessTokenVariable() {
        PreviewResult result = run(args().stages(List.of(deploy()
                .addEnvironmentVariables(EnvironmentVariable.parameterStore("PULUMI_ACCESS_TOKEN", "/pulumi/token")).build())).build());

        assertRejected(result, "stages[0].environmentVariables[0].name is \"PULUMI_ACCESS_TOKEN\", but a Pulumi deploy stage sets "
                + "that variable itself from accessTokenSecretArn or accessTokenParameterName; remove it.");
    }

    @Test
    void rejectsInvalidStackName() {
        PreviewResult result = run(args().stages(List.of(deploy().stackName("prod; rm -rf /").name("Deploy").build())).build());

        assertRejected(result, "stages[0].stackName is \"prod; rm -rf /\", but Pulumi stack names are letters, digits, - _ . with an "
                + "optional organization/project/ prefix; pass one such as \"prod\".");
    }

    @Test
    void rejectsWorkDirOutsideArtifact() {
        PreviewResult result = run(args().stages(List.of(deploy().workDir("../infra").build())).build());

        assertRejected(result, "stages[0].workDir is \"../infra\", but it must be a relative folder inside the artifact, such as "
                + "\"infra\", without .. or spaces; pass such a folder.");
    }

    @Test
    void rejectsWildcardDeployAction() {
        PreviewResult result = run(args().stages(List.of(deploy().addPermissions(DeployPermission.of("Everything",
                List.of("*"), List.of("arn:aws:s3:::app-*"))).build())).build());

        assertRejected(result, "stages[0].permissions[0].actions is \"*\", but a deployment role names every action in full, "
                + "without wildcards; list each action, such as lambda:UpdateFunctionCode.");
    }

    @Test
    void rejectsWildcardOnWildcard() {
        PreviewResult result = run(args().stages(List.of(deploy().addPermissions(DeployPermission.of("Admin",
                List.of("s3:*"), List.of("*"))).build())).build());

        InvalidArgsException error = (InvalidArgsException) result.failure().orElseThrow();
        assertThat(error.problems()).containsExactly(
                "stages[0].permissions[0].actions is \"s3:*\", but a deployment role names every action in full, without "
                        + "wildcards; list each action, such as lambda:UpdateFunctionCode.",
                "stages[0].permissions[0].resources is \"*\", but a deployment role may not act on every resource; list the ARNs "
                        + "or ARN patterns, such as arn:aws:s3:::my-app-*.");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsMisspelledActionAndNonArnResource() {
        PreviewResult result = run(args().stages(List.of(deploy().addPermissions(DeployPermission.of("Bad",
                List.of("lambda UpdateFunctionCode"), List.of("my-function"))).build())).build());

        InvalidArgsException error = (InvalidArgsException) result.failure().orElseThrow();
        assertThat(error.problems()).containsExactly(
                "stages[0].permissions[0].actions is \"lambda UpdateFunctionCode\", but it is not an IAM action of the form "
                        + "service:Action; fix its spelling.",
                "stages[0].permissions[0].resources is \"my-function\", but it is not an ARN; pass the resource's ARN or an ARN pattern.");
    }

    @Test
    void rejectsInvalidCloudFormationStackName() {
        PreviewResult result = run(args().addStages(changeSet().stackName("1-app").name("Deploy").build()).build());

        assertRejected(result, "stages[1].stackName is \"1-app\", but CloudFormation stack names start with a letter and have at "
                + "most 128 letters, digits and hyphens; rename it, for example to \"my-app-prod\".");
    }

    @Test
    void rejectsTemplatePathOutsideArtifact() {
        PreviewResult result = run(args().addStages(changeSet().templatePath("../template.yaml").build()).build());

        assertRejected(result, "stages[1].templatePath is \"../template.yaml\", but it must be a relative file path inside the "
                + "artifact, such as \"template.yaml\", without .. or spaces; pass such a path.");
    }

    @Test
    void rejectsUnknownCapability() {
        PreviewResult result = run(args().addStages(changeSet().addCapabilities("CAPABILITY_ALL").build()).build());

        assertRejected(result, "stages[1].capabilities is \"CAPABILITY_ALL\", but CloudFormation accepts only [CAPABILITY_IAM, "
                + "CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND]; choose from those.");
    }

    @Test
    void rejectsDeploymentRoleWithoutPermissions() {
        PreviewResult result = run(args().addStages(changeSet().permissions(List.of()).build()).build());

        assertRejected(result, "stages[1] has no permissions, but CloudFormation can deploy nothing with an empty deployment role; "
                + "list the actions and resource ARNs your template's resources need.");
    }

    @Test
    void rejectsWildcardOnWildcardForCloudFormation() {
        PreviewResult result = run(args().addStages(changeSet().permissions(List.of(DeployPermission.of("Admin",
                List.of("*"), List.of("*")))).build()).build());

        InvalidArgsException error = (InvalidArgsException) result.failure().orElseThrow();
        assertThat(error.problems()).containsExactly(
                "stages[1].permissions[0].actions is \"*\", but a deployment role names every action in full, without "
                        + "wildcards; list each action, such as lambda:UpdateFunctionCode.",
                "stages[1].permissions[0].resources is \"*\", but a deployment role may not act on every resource; list the ARNs "
                        + "or ARN patterns, such as arn:aws:s3:::my-app-*.");
        assertThat(result.graph().resources()).isEmpty();
    }

    @Test
    void rejectsDockerBuildWithoutRealJustification() {
        PreviewResult result = run(args().stages(List.of(build().dockerBuild(Justification.of("docker")).build())).build());

        assertRejected(result, "stages[0].dockerBuild is \"docker\", but a justification must be a sentence of at least 15 "
                + "characters saying why the default does not fit; write the reason a reviewer should read.");
    }

    @Test
    void rejectsReservedTagPrefix() {
        PreviewResult result = run(args().putTags("aws:owner", "me").build());

        assertRejected(result, "tags key is \"aws:owner\", but the aws: prefix is reserved for AWS; choose another key.");
    }

    @Test
    void reportsEveryProblemInOneError() {
        PreviewResult result = run(args()
                .pipelineName("bad name")
                .logRetentionDays(2)
                .stages(List.of(build().inputArtifact("Nothing").build()))
                .build());

        InvalidArgsException error = (InvalidArgsException) result.failure().orElseThrow();
        assertThat(error.problems()).hasSize(3);
        assertThat(error.getMessage()).startsWith("SecurePipeline \"app\" has 3 invalid inputs:");
        assertThat(error.problems().get(0)).startsWith("pipelineName is \"bad name\"");
        assertThat(error.problems().get(1)).startsWith("stages[0].inputArtifact is \"Nothing\"");
        assertThat(error.problems().get(2)).startsWith("logRetentionDays is 2");
        assertThat(result.graph().resources()).describedAs("nothing is half-created").isEmpty();
    }

    private static SecurePipelineArgs.Builder args() {
        return SecurePipelineArgs.builder()
                .source(PipelineSource.gitHub("my-org/my-app", "main"))
                .addStages(build().build());
    }

    private static BuildStage.Builder build() {
        return BuildStage.builder().buildspec("version: 0.2\n");
    }

    private static PulumiDeployStage.Builder deploy() {
        return PulumiDeployStage.builder()
                .stackName("prod")
                .pulumiCliVersion("3.118.0")
                .pulumiCliSha256(PipelineStack.TEST_SHA256)
                .accessTokenSecretArn(PipelineStack.TOKEN_SECRET_ARN);
    }

    private static CloudFormationDeployStage.Builder changeSet() {
        return CloudFormationDeployStage.builder()
                .stackName("my-app-prod")
                .templatePath("template.yaml")
                .addPermissions(DeployPermission.of("ManageQueue", List.of("sqs:CreateQueue"),
                        List.of("arn:aws:sqs:us-east-1:123456789012:my-app-*")));
    }

    private static PreviewResult run(SecurePipelineArgs args) {
        return PipelineStack.run(args);
    }

    private static void assertRejected(PreviewResult result, String problem) {
        assertThat(result.failure()).get().isInstanceOf(InvalidArgsException.class)
                .extracting(Throwable::getMessage).isEqualTo(PREFIX + problem);
        assertThat(result.graph().resources()).describedAs("nothing is registered after invalid input").isEmpty();
    }
}
