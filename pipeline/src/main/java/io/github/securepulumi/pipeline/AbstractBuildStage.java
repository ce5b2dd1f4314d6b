package io.github.securepulumi.pipeline;

import io.github.securepulumi.core.args.SecureStyle;
import io.github.securepulumi.core.optout.Justification;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A build stage: one CodeBuild project that runs a buildspec on the input artifact and writes an
 * output artifact. Build it with {@code BuildStage.builder()}.
 */
@Value.Immutable
@SecureStyle
public abstract class AbstractBuildStage implements CodeBuildStage {

    /** Versioned curated CodeBuild image (Amazon Linux 2, x86-64, standard 5.0) used by default. */
    public static final String DEFAULT_IMAGE = "aws/codebuild/amazonlinux2-x86_64-standard:5.0";

    /** Default minutes a build may run: CodeBuild's own default, set explicitly. */
    static final int DEFAULT_BUILD_TIMEOUT_MINUTES = 60;

    /** Default minutes a build may wait in the queue, below CodeBuild's 480. */
    static final int DEFAULT_QUEUED_TIMEOUT_MINUTES = 60;

    /** Stage name, also the suffix of the project's name. Default: {@code Build}. */
    @Override
    @Value.Default
    public String name() {
        return "Build";
    }

    /** Name of the build action inside the stage. Default: the stage name. */
    public abstract Optional<String> actionName();

    /** Artifact the build reads. Default: {@value PipelineSource#DEFAULT_OUTPUT_ARTIFACT}, the source. */
    @Override
    @Value.Default
    public String inputArtifact() {
        return PipelineSource.DEFAULT_OUTPUT_ARTIFACT;
    }

    /**
     * Artifact the build writes, which later stages can read.
     *
     * <p>Default: the stage name followed by {@code Output}, for example {@code BuildOutput}, so that
     * two build stages never write artifacts of the same name. Characters that artifact names do not
     * accept ({@code .} and {@code @}) become {@code -}.
     */
    @Value.Default
    public String outputArtifact() {
        return name().replaceAll("[^A-Za-z0-9_-]", "-") + "Output";
    }

    /** Inline buildspec (YAML), required: what the build runs. */
    public abstract String buildspec();

    /**
     * Build image, a curated image at a fixed version or an image pinned by digest.
     *
     * <p>Default: {@value #DEFAULT_IMAGE}. A versioned tag, unlike {@code latest}, changes only when
     * you change it, so builds are reproducible and a new image arrives through code review.
     */
    @Override
    @Value.Default
    public String image() {
        return DEFAULT_IMAGE;
    }

    /** CodeBuild compute type. Default: {@code BUILD_GENERAL1_SMALL} (3 GB memory, 2 vCPUs), the cheapest. */
    @Value.Default
    public String computeType() {
        return "BUILD_GENERAL1_SMALL";
    }

    /**
     * Opt-out: declares that the build runs {@code docker build}, which needs CodeBuild's privileged
     * mode, with the reason why.
     *
     * <p>Default: absent, so privileged mode is off: a privileged build container has root access to
     * the build host's Docker daemon. Setting it turns privileged mode on for this stage only and is
     * reported as a security opt-out.
     */
    public abstract Optional<Justification> dockerBuild();

    /**
     * Environment variables. Default: none. A {@code PLAINTEXT} variable whose name or value looks
     * like a secret is rejected; pass secrets as {@code PARAMETER_STORE} or {@code SECRETS_MANAGER}.
     */
    @Override
    public abstract List<EnvironmentVariable> environmentVariables();

    /**
     * Minutes a build may run, 5 to 2160.
     *
     * <p>Default: 60, which is CodeBuild's own default, set explicitly so that a hung build stops and
     * stops costing within the hour. Raise it for long builds.
     */
    @Override
    @Value.Default
    public int buildTimeoutMinutes() {
        return DEFAULT_BUILD_TIMEOUT_MINUTES;
    }

    /**
     * Minutes a build may wait in the queue, 5 to 480.
     *
     * <p>Default: 60, instead of CodeBuild's 480, so that a build of an old commit does not start
     * hours after it was queued.
     */
    @Override
    @Value.Default
    public int queuedTimeoutMinutes() {
        return DEFAULT_QUEUED_TIMEOUT_MINUTES;
    }
}
