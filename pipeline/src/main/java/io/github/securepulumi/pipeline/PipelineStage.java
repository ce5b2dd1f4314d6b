package io.github.securepulumi.pipeline;

/**
 * A stage after the source stage: a {@link BuildStage}, a {@link PulumiDeployStage} or a
 * {@link CloudFormationDeployStage}.
 */
public interface PipelineStage {

    /** Stage name in the pipeline: 1 to 100 letters, digits and {@code . @ - _}. */
    String name();

    /** Artifact the stage reads: the source's or one written by an earlier stage. */
    String inputArtifact();
}
