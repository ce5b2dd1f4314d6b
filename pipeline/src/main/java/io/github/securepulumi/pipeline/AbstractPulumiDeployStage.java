package io.github.securepulumi.pipeline;

import io.github.securepulumi.core.args.SecureStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A deploy stage that runs {@code pulumi preview} and then {@code pulumi up --yes} for one stack in
 * CodeBuild. Build it with {@code PulumiDeployStage.builder()}.
 *
 * <p>The Pulumi CLI is downloaded at the version given and checked with {@code sha256sum -c}
 * against the SHA-256 given, before it is unpacked; a mismatch fails the build. The access token
 * is read from Secrets Manager or an SSM {@code SecureString} parameter at build time, and AWS
 * credentials come only from the stage's role, whose permissions are the {@link #permissions()}.
 */
@Value.Immutable
@SecureStyle
public abstract class AbstractPulumiDeployStage implements CodeBuildStage {

    /** Stage name, also the suffix of the project's name. Default: {@code Deploy-} and the stack name. */
    @Override
    @Value.Default
    public String name() {
        return "Deploy-" + stackName().replace('/', '-');
    }

    /** Stack to deploy, such as {@code prod} or {@code my-org/my-app/prod}; required. */
    public abstract String stackName();

    /** Artifact that contains the Pulumi project. Default: {@value PipelineSource#DEFAULT_OUTPUT_ARTIFACT}, the source. */
    @Override
    @Value.Default
    public String inputArtifact() {
        return PipelineSource.DEFAULT_OUTPUT_ARTIFACT;
    }

    /** Folder of the Pulumi project inside the artifact. Default: absent, the artifact's root. */
    public abstract Optional<String> workDir();

    /**
     * Pulumi CLI version such as {@code 3.118.0}; required.
     *
     * <p>There is no default: securepulumi does not ship a checksum it cannot vouch for, and a
     * version without its checksum would not be verified.
     */
    public abstract String pulumiCliVersion();

    /**
     * SHA-256 (64 hexadecimal characters) of {@code pulumi-vVERSION-linux-x64.tar.gz}; required.
     * Take it from the {@code pulumi-VERSION-checksums.txt} file of the release.
     */
    public abstract String pulumiCliSha256();

    /**
     * ARN of the Secrets Manager secret that contains the Pulumi access token. Required unless
     * {@link #accessTokenParameterName()} is set; there is no default, because the token must come
     * from a secret store and never from a plaintext value.
     */
    public abstract Optional<String> accessTokenSecretArn();

    /**
     * Name of the SSM {@code SecureString} parameter that contains the Pulumi access token. Required
     * unless {@link #accessTokenSecretArn()} is set; there is no default, for the same reason.
     */
    public abstract Optional<String> accessTokenParameterName();

    /**
     * Statements of the stage role's policy besides reading its input, which define what the deployment
     * may do in AWS. Default: none, so {@code pulumi up} can change nothing in AWS until you list the
     * actions and ARNs your stack needs.
     */
    public abstract List<DeployPermission> permissions();

    /**
     * Whether a person must approve in CodePipeline before the deployment runs.
     *
     * <p>Default: {@code false}. When set, the stage starts with a manual approval action that
     * notifies the pipeline's encrypted SNS topic.
     */
    @Value.Default
    public boolean manualApproval() {
        return false;
    }

    /** Environment variables besides {@code PULUMI_ACCESS_TOKEN}. Default: none. */
    @Override
    public abstract List<EnvironmentVariable> environmentVariables();

    /** Build image. Default: {@value AbstractBuildStage#DEFAULT_IMAGE}, for the same reason as a build stage's. */
    @Override
    @Value.Default
    public String image() {
        return AbstractBuildStage.DEFAULT_IMAGE;
    }

    /** Minutes a deployment may run. Default: 60, as for a build stage. */
    @Override
    @Value.Default
    public int buildTimeoutMinutes() {
        return AbstractBuildStage.DEFAULT_BUILD_TIMEOUT_MINUTES;
    }

    /** Minutes a deployment may wait in the queue. Default: 60, as for a build stage. */
    @Override
    @Value.Default
    public int queuedTimeoutMinutes() {
        return AbstractBuildStage.DEFAULT_QUEUED_TIMEOUT_MINUTES;
    }
}
