package io.github.securepulumi.security.iam;

import io.github.securepulumi.security.analysis.Finding;
import io.github.securepulumi.security.analysis.PolicyAnalyzer;
import io.github.securepulumi.security.analysis.PolicySizeLimit;
import io.github.securepulumi.security.analysis.PolicyType;
import io.github.securepulumi.security.iam.catalog.IamCatalog;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures catalog load time and heap, and builder and analyzer throughput on a 100-statement
 * policy. A plain harness, not a test: run it in a fresh JVM with
 * {@code mvn -B -q -pl security -am -Pbenchmark verify -DskipTests} (see docs/benchmarks.md), so
 * that the first load is a cold one.
 */
public final class IamBenchmark {

    private static final int STATEMENTS = 100;
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long MEASURE_NANOS = 5_000_000_000L;

    private IamBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "JVM %s on %s %s, %d available processors, max heap %d MB%n",
                System.getProperty("java.vm.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        long start = System.nanoTime();
        IamCatalog catalog = IamCatalog.loadBundled();
        long indexed = System.nanoTime();
        catalog.service("kms").orElseThrow();
        long oneService = System.nanoTime();
        catalog.services();
        long full = System.nanoTime();
        System.out.printf(Locale.ROOT, "catalog first load, cold JVM with class loading: index %.1f ms, "
                + "+ first service (kms) %.1f ms, full load (all services parsed) %.1f ms%n",
                (indexed - start) / 1e6, (oneService - start) / 1e6, (full - start) / 1e6);
        System.out.printf(Locale.ROOT, "catalog: %d services, %d actions, %d resource types, %d condition keys%n",
                catalog.serviceCount(), catalog.actionCount(), catalog.resourceTypeCount(), catalog.conditionKeyCount());
        System.out.printf(Locale.ROOT, "catalog retained heap after full load (JOL graph walk): %.2f MB%n",
                GraphLayout.parseInstance(catalog).totalSize() / (1024.0 * 1024.0));
        IamCatalog indexOnly = IamCatalog.loadBundled();
        System.out.printf(Locale.ROOT, "catalog retained heap after load, no service parsed: %.2f MB%n",
                GraphLayout.parseInstance(indexOnly).totalSize() / (1024.0 * 1024.0));

        int loads = 20;
        start = System.nanoTime();
        for (int i = 0; i < loads; i++) {
            IamCatalog.loadBundled().services();
        }
        System.out.printf(Locale.ROOT, "catalog full load in a warm JVM, mean of %d loads: %.1f ms%n", loads,
                (System.nanoTime() - start) / 1e6 / loads);

        LeastPrivilegePolicyBuilder sample = policyOf(STATEMENTS);
        String json = sample.buildJson();
        System.out.printf(Locale.ROOT, "%d-statement policy: %d characters%n", STATEMENTS, json.length());

        double builds = throughput(() -> policyOf(STATEMENTS).buildJson());
        System.out.printf(Locale.ROOT, "builder: %.0f policies/s (%.2f ms each)%n", builds, 1000 / builds);

        PolicyAnalyzer analyzer = PolicyAnalyzer.of(PolicyType.IDENTITY);
        List<Finding> findings = analyzer.analyze(json);
        if (!findings.isEmpty()) {
            throw new IllegalStateException("the benchmark policy should be clean, but the analyzer found " + findings);
        }
        double analyses = throughput(() -> analyzer.analyze(json));
        System.out.printf(Locale.ROOT, "analyzer: %.0f policies/s (%.2f ms each)%n", analyses, 1000 / analyses);
    }

    /**
     * Builds a policy of distinct statements. Each grants object actions on its own bucket under a
     * condition on its own tag value, so no two statements merge.
     */
    static LeastPrivilegePolicyBuilder policyOf(int statements) {
        LeastPrivilegePolicyBuilder builder = LeastPrivilegePolicyBuilder.identityPolicy()
                .sizeLimit(PolicySizeLimit.KMS_KEY_POLICY);
        for (int i = 0; i < statements; i++) {
            String bucket = "arn:aws:s3:::bench-bucket-" + i;
            String team = "team-" + i;
            builder.allow("ReadBucket" + i, s -> s
                    .actions("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject")
                    .resources(bucket + "/*")
                    .condition("StringEquals", "s3:ExistingObjectTag/team", team));
        }
        return builder;
    }

    /** Runs the work for a warm-up period, then counts completed runs per second over the measuring period. */
    private static double throughput(Supplier<?> work) {
        Object sink = null;
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            sink = work.get();
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + MEASURE_NANOS;
        long now = start;
        while (now < end) {
            sink = work.get();
            count++;
            now = System.nanoTime();
        }
        if (sink == null) {
            throw new IllegalStateException("the benchmarked work returned null");
        }
        return count / ((now - start) / 1e9);
    }
}
