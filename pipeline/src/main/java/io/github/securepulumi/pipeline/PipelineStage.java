package io.github.securepulumi.pipeline;

/**
 * A stage after the source stage: a {@link BuildStage} or a {@link PulumiDeployStage}.
 *
 * <p>Each stage runs one CodeBuild project with its own role, log group and permissions.
 */
public interface PipelineStage {

    /** Stage name in the pipeline: 1 to 100 letters, digits and {@code . @ - _}. */
    String name();

    /** Artifact the stage reads: the source's or one written by an earlier stage. */
    String inputArtifact();

    /** Environment variables of the stage's CodeBuild project. */
    java.util.List<EnvironmentVariable> environmentVariables();

    /** Build image of the stage's CodeBuild project. */
    String image();

    /** Minutes a build may run before CodeBuild stops it. */
    int buildTimeoutMinutes();

    /** Minutes a build may wait in the queue before CodeBuild drops it. */
    int queuedTimeoutMinutes();
}
