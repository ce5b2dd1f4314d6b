package io.github.securepulumi.pipeline;

import java.util.Objects;

/**
 * The source of a {@link SecurePipeline}: a Git repository reached through a CodeConnections
 * connection (GitHub, GitLab or Bitbucket), an object in an S3 bucket, or a CodeCommit repository.
 *
 * <p>The source stage is always the pipeline's first stage and writes one artifact, named
 * {@value #DEFAULT_OUTPUT_ARTIFACT} unless {@link #withOutputArtifact(String)} changes it.
 *
 * @param kind           the kind of source
 * @param location       {@code owner/repository} for a connection, the bucket name for S3, the
 *                       repository name for CodeCommit
 * @param reference      the branch for a Git source, the object key for S3
 * @param outputArtifact name of the artifact the source stage writes
 */
public record PipelineSource(Kind kind, String location, String reference, String outputArtifact) {

    /** Artifact name the source stage writes by default. */
    public static final String DEFAULT_OUTPUT_ARTIFACT = "Source";

    /** The kinds of source CodePipeline supports here. */
    public enum Kind {
        /** GitHub through a CodeConnections connection. */
        GITHUB("GitHub"),
        /** GitLab.com through a CodeConnections connection. */
        GITLAB("GitLab"),
        /** Bitbucket Cloud through a CodeConnections connection. */
        BITBUCKET("Bitbucket"),
        /** An object (a zip file) in a versioned S3 bucket. */
        S3(null),
        /** A CodeCommit repository in this account and region. */
        CODECOMMIT(null);

        private final String providerType;

        Kind(String providerType) {
            this.providerType = providerType;
        }

        /** The connection's {@code providerType}, or {@code null} for sources without a connection. */
        public String providerType() {
            return providerType;
        }

        /** Whether the source is reached through a CodeConnections connection. */
        public boolean usesConnection() {
            return providerType != null;
        }
    }

    public PipelineSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(outputArtifact, "outputArtifact");
    }

    /** Creates a source for a GitHub repository such as {@code my-org/my-app}, read through a new connection. */
    public static PipelineSource gitHub(String fullRepositoryId, String branch) {
        return new PipelineSource(Kind.GITHUB, fullRepositoryId, branch, DEFAULT_OUTPUT_ARTIFACT);
    }

    /** Creates a source for a GitLab.com project such as {@code my-group/my-app}, read through a new connection. */
    public static PipelineSource gitLab(String fullRepositoryId, String branch) {
        return new PipelineSource(Kind.GITLAB, fullRepositoryId, branch, DEFAULT_OUTPUT_ARTIFACT);
    }

    /** Creates a source for a Bitbucket Cloud repository such as {@code my-workspace/my-app}, read through a new connection. */
    public static PipelineSource bitbucket(String fullRepositoryId, String branch) {
        return new PipelineSource(Kind.BITBUCKET, fullRepositoryId, branch, DEFAULT_OUTPUT_ARTIFACT);
    }

    /** Creates a source for a zip object in a versioned S3 bucket, given by bucket name (not ARN) and object key. */
    public static PipelineSource s3(String bucketName, String objectKey) {
        return new PipelineSource(Kind.S3, bucketName, objectKey, DEFAULT_OUTPUT_ARTIFACT);
    }

    /** Creates a source for a CodeCommit repository of this account and region, given by name (not ARN), and a branch. */
    public static PipelineSource codeCommit(String repositoryName, String branch) {
        return new PipelineSource(Kind.CODECOMMIT, repositoryName, branch, DEFAULT_OUTPUT_ARTIFACT);
    }

    /** Returns this source writing its artifact under another name. */
    public PipelineSource withOutputArtifact(String name) {
        return new PipelineSource(kind, location, reference, name);
    }
}
