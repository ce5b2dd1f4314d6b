package io.github.securepulumi.pipeline;

import java.util.List;

/** A stage that runs one CodeBuild project with its own role, log group and permissions. */
public interface CodeBuildStage extends PipelineStage {

    /** Environment variables of the stage's CodeBuild project. */
    List<EnvironmentVariable> environmentVariables();

    /** Build image of the stage's CodeBuild project. */
    String image();

    /** Minutes a build may run before CodeBuild stops it. */
    int buildTimeoutMinutes();

    /** Minutes a build may wait in the queue before CodeBuild drops it. */
    int queuedTimeoutMinutes();
}
