package io.github.securepulumi.examples.auditbaseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.audit.SecureAuditTrail;
import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.PreviewCommand;
import io.github.securepulumi.core.preview.ResourceGraph;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditBaselineTest {

    @Test
    void programCreatesOneTrailWithItsOutputs() {
        ResourceGraph graph = OfflinePreview.builder().projectName("audit-baseline").stackName("prod").build()
                .run(new AuditBaseline()).graphOrThrow();

        assertThat(graph.ofType(SecureAuditTrail.TYPE)).hasSize(1);
        assertThat(graph.ofType("aws:cloudtrail/trail:Trail")).hasSize(1);
        assertThat(graph.stackOutputs()).containsOnlyKeys("trailArn", "bucketName", "logGroupArn", "kmsKeyArn", "roleArn");
        assertThat(graph.stackOutputs()).containsEntry("trailArn", "arn:aws:cloudtrail:us-east-1:123456789012:trail/audit-baseline");
        assertThat(graph.optOuts()).isEmpty();
    }

    @Test
    void stackNameIsTagged() {
        ResourceGraph graph = OfflinePreview.builder().stackName("prod").build().run(new AuditBaseline()).graphOrThrow();

        assertThat(graph.get("aws:cloudtrail/trail:Trail", "audit-baseline-trail").input("tags").orElseThrow().toString())
                .contains("stack=prod", "owner=platform-security");
    }

    @Test
    void previewCommandPrintsTreeWavesAndSummary(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("preview.json");
        Path mermaid = dir.resolve("preview.mmd");

        int exit = PreviewCommand.run(new String[] {"--program", AuditBaseline.class.getName(), "--json", json.toString(),
            "--mermaid", mermaid.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).describedAs(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("pulumi:pulumi:Stack", "securepulumi:audit:SecureAuditTrail", "Wave 1", "Preview of audit-baseline-dev:");
        assertThat(printed.lines().filter(line -> line.startsWith("Wave "))).hasSize(5);
        assertThat(Files.readString(json)).contains("\"aws:cloudtrail/trail:Trail::audit-baseline-trail\"");
        assertThat(Files.readString(mermaid)).startsWith("flowchart TD").contains("subgraph");
    }
}
