package io.github.securepulumi.pipeline;

/**
 * The buildspec of a {@link PulumiDeployStage}: install the Pulumi CLI at a pinned version, verify
 * its SHA-256, then preview and update the stack.
 *
 * <p>The download is checked with {@code sha256sum -c} before it is unpacked, so a tampered or
 * truncated archive fails the build instead of running. {@code PULUMI_ACCESS_TOKEN} is not in the
 * buildspec: CodeBuild sets it from Secrets Manager or Parameter Store. No AWS credentials are set
 * either, so the CLI uses the stage role's credentials that CodeBuild provides.
 */
final class PulumiBuildspec {

    /** Where the Pulumi CLI release archives are published, by version. */
    static final String DOWNLOAD_URL = "https://get.pulumi.com/releases/sdk/pulumi-v%s-linux-x64.tar.gz";

    private PulumiBuildspec() {
    }

    /** Renders the buildspec of a deploy stage; the inputs were validated, so none needs quoting. */
    static String render(PulumiDeployStage stage) {
        String archive = "pulumi-v" + stage.pulumiCliVersion() + "-linux-x64.tar.gz";
        String stack = stage.stackName();
        StringBuilder yaml = new StringBuilder()
                .append("version: 0.2\n")
                .append("phases:\n")
                .append("  install:\n")
                .append("    commands:\n")
                .append("      - curl --fail --silent --show-error --location --output ").append(archive).append(' ')
                .append(String.format(DOWNLOAD_URL, stage.pulumiCliVersion())).append('\n')
                .append("      - echo \"").append(stage.pulumiCliSha256()).append("  ").append(archive).append("\" | sha256sum -c -\n")
                .append("      - tar -xzf ").append(archive).append(" -C \"$HOME\"\n")
                .append("      - export PATH=\"$HOME/pulumi:$PATH\"\n")
                .append("      - pulumi version\n")
                .append("  build:\n")
                .append("    commands:\n");
        stage.workDir().ifPresent(dir -> yaml.append("      - cd ").append(dir).append('\n'));
        yaml.append("      - pulumi preview --stack ").append(stack).append(" --non-interactive\n")
                .append("      - pulumi up --stack ").append(stack).append(" --yes --non-interactive\n");
        return yaml.toString();
    }
}
