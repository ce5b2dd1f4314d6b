package io.github.securepulumi.core.internal;

import com.pulumi.test.Mocks;
import io.github.securepulumi.core.aws.Arn;
import io.github.securepulumi.core.aws.AwsArns;
import io.github.securepulumi.core.aws.Partition;
import io.github.securepulumi.core.preview.SimulatedAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Simulates the AWS provider for the Pulumi test runtime, returning what a real deployment would.
 *
 * <p>Each known resource type gets the id, physical name and ARN in the format the provider returns
 * (a log group's {@code arn} without {@code :*}, a bucket's {@code arn:P:s3:::NAME}, ...). Other
 * types, including component resources, echo their inputs as outputs. Generated ids and names are
 * derived from a hash of the type and logical name, so every run of the same program gives the
 * same values.
 */
public final class AwsSimulator implements Mocks {

    /** Key and value with which the Pulumi protocol marks a value secret. */
    private static final String SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

    private final SimulatedAccount account;
    private final Function<String, Set<String>> secretOutputsOf;
    private final Map<String, Map<String, Object>> inputsByKey = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> outputsByKey = new ConcurrentHashMap<>();

    /**
     * Creates the simulator.
     *
     * @param account            the account whose ids and ARNs it returns
     * @param secretOutputsOf the outputs of a resource, by {@code type::name}, that the provider
     *                        marks secret; they are returned as secrets, as in a deployment
     */
    public AwsSimulator(SimulatedAccount account, Function<String, Set<String>> secretOutputsOf) {
        this.account = account;
        this.secretOutputsOf = secretOutputsOf;
    }

    /** Resolved inputs of every resource registered so far, keyed by {@code type::name}. */
    public Map<String, Map<String, Object>> inputsByKey() {
        return inputsByKey;
    }

    /** Simulated outputs of every resource registered so far, keyed by {@code type::name}. */
    public Map<String, Map<String, Object>> outputsByKey() {
        return outputsByKey;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        Map<String, Object> state = new LinkedHashMap<>(inputs);
        String id = simulate(args.type, args.name, inputs, state);
        String key = args.type + "::" + args.name;
        inputsByKey.put(key, Map.copyOf(withoutNulls(inputs)));
        outputsByKey.put(key, Map.copyOf(withoutNulls(state)));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), withSecretsMarked(key, state)));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Partition partition = account.partition();
        Map<String, Object> result = new HashMap<>();
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> {
                result.put("accountId", account.accountId());
                result.put("arn", Arn.of(partition, "sts", "", account.accountId(),
                        "assumed-role/securepulumi-preview/offline").toString());
                result.put("userId", "AROAPREVIEW0000000000:offline");
                result.put("id", account.accountId());
            }
            case "aws:index/getRegion:getRegion" -> {
                result.put("name", account.region());
                result.put("region", account.region());
                result.put("id", account.region());
                result.put("description", account.region());
                result.put("endpoint", "ec2." + account.region() + "." + partition.dnsSuffix());
            }
            case "aws:index/getPartition:getPartition" -> {
                result.put("partition", partition.id());
                result.put("id", partition.id());
                result.put("dnsSuffix", partition.dnsSuffix());
                result.put("reverseDnsPrefix", reverse(partition.dnsSuffix()));
            }
            default -> result.putAll(args.args);
        }
        return CompletableFuture.completedFuture(result);
    }

    private String simulate(String type, String logicalName, Map<String, Object> inputs, Map<String, Object> state) {
        Partition p = account.partition();
        String region = account.region();
        String acct = account.accountId();
        copyTags(inputs, state);
        switch (type) {
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                String name = physicalName(state, "bucket", logicalName, true);
                state.put("arn", AwsArns.bucket(p, name));
                state.put("bucketDomainName", name + ".s3." + p.dnsSuffix());
                state.put("bucketRegionalDomainName", name + ".s3." + region + "." + p.dnsSuffix());
                state.put("region", region);
                return name;
            }
            case "aws:kms/key:Key" -> {
                String keyId = uuid(type, logicalName);
                state.put("keyId", keyId);
                state.put("arn", AwsArns.kmsKey(p, region, acct, keyId));
                return keyId;
            }
            case "aws:kms/alias:Alias" -> {
                String name = physicalName(state, "name", logicalName, false);
                state.put("arn", Arn.of(p, "kms", region, acct, name).toString());
                return name;
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                String name = physicalName(state, "name", logicalName, false);
                state.put("arn", AwsArns.logGroup(p, region, acct, name));
                return name;
            }
            case "aws:iam/role:Role" -> {
                String name = physicalName(state, "name", logicalName, false);
                String path = String.valueOf(state.getOrDefault("path", "/"));
                state.put("path", path);
                state.put("arn", AwsArns.role(p, acct, path, name));
                state.put("uniqueId", "AROA" + hex(type, logicalName, 17).toUpperCase(Locale.ROOT));
                return name;
            }
            case "aws:iam/rolePolicy:RolePolicy" -> {
                String name = physicalName(state, "name", logicalName, false);
                return state.get("role") + ":" + name;
            }
            case "aws:iam/policy:Policy" -> {
                String name = physicalName(state, "name", logicalName, false);
                String path = String.valueOf(state.getOrDefault("path", "/"));
                String arn = Arn.of(p, "iam", "", acct, "policy" + path + name).toString();
                state.put("arn", arn);
                state.put("policyId", "ANPA" + hex(type, logicalName, 17).toUpperCase(Locale.ROOT));
                return arn;
            }
            case "aws:cloudtrail/trail:Trail" -> {
                String name = physicalName(state, "name", logicalName, false);
                String arn = AwsArns.trail(p, region, acct, name);
                state.put("arn", arn);
                state.put("homeRegion", region);
                return arn;
            }
            case "aws:sns/topic:Topic" -> {
                String name = physicalName(state, "name", logicalName, false);
                String arn = Arn.of(p, "sns", region, acct, name).toString();
                state.put("arn", arn);
                return arn;
            }
            case "aws:codebuild/project:Project" -> {
                String name = physicalName(state, "name", logicalName, false);
                state.put("arn", Arn.of(p, "codebuild", region, acct, "project/" + name).toString());
                return name;
            }
            case "aws:codepipeline/pipeline:Pipeline" -> {
                String name = physicalName(state, "name", logicalName, false);
                state.put("arn", Arn.of(p, "codepipeline", region, acct, name).toString());
                return name;
            }
            case "aws:codestarconnections/connection:Connection" -> {
                physicalName(state, "name", logicalName, false);
                String arn = Arn.of(p, "codeconnections", region, acct, "connection/" + uuid(type, logicalName)).toString();
                state.put("arn", arn);
                state.put("connectionStatus", "PENDING");
                return arn;
            }
            case "aws:secretsmanager/secret:Secret" -> {
                String name = physicalName(state, "name", logicalName, false);
                String arn = Arn.of(p, "secretsmanager", region, acct, "secret:" + name + "-" + hex(type, logicalName, 6)).toString();
                state.put("arn", arn);
                return arn;
            }
            case "aws:ssm/parameter:Parameter" -> {
                String name = physicalName(state, "name", logicalName, false);
                String resource = name.startsWith("/") ? "parameter" + name : "parameter/" + name;
                state.put("arn", Arn.of(p, "ssm", region, acct, resource).toString());
                return name;
            }
            case "aws:lambda/function:Function" -> {
                String name = physicalName(state, "name", logicalName, false);
                state.put("arn", Arn.of(p, "lambda", region, acct, "function:" + name).toString());
                return name;
            }
            case "aws:sqs/queue:Queue" -> {
                String name = physicalName(state, "name", logicalName, false);
                state.put("arn", Arn.of(p, "sqs", region, acct, name).toString());
                String url = "https://sqs." + region + "." + p.dnsSuffix() + "/" + acct + "/" + name;
                state.put("url", url);
                return url;
            }
            case "aws:dynamodb/table:Table" -> {
                String name = physicalName(state, "name", logicalName, false);
                state.put("arn", Arn.of(p, "dynamodb", region, acct, "table/" + name).toString());
                return name;
            }
            default -> {
                return idOfAttachment(state).orElseGet(() -> logicalName + "-" + hex(type, logicalName, 7));
            }
        }
    }

    /** Wraps the values of secret properties in the protocol's secret marker. */
    private Map<String, Object> withSecretsMarked(String key, Map<String, Object> state) {
        Set<String> secret = secretOutputsOf.apply(key);
        if (secret.isEmpty()) {
            return state;
        }
        Map<String, Object> marked = new LinkedHashMap<>(state);
        for (String property : secret) {
            Object value = marked.get(property);
            if (value != null) {
                marked.put(property, Map.of(SECRET_SIGNATURE_KEY, SECRET_SIGNATURE, "value", value));
            }
        }
        return marked;
    }

    /**
     * Ids of resources that configure another one, such as a bucket policy or a key policy, are the
     * id of the resource they configure, as in the AWS provider.
     */
    private static Optional<String> idOfAttachment(Map<String, Object> state) {
        for (String property : new String[] {"bucket", "keyId", "arn"}) {
            Object value = state.get(property);
            if (value instanceof String s && !s.isEmpty()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the physical name given as input, or generates one the way Pulumi auto-naming does:
     * the logical name, a dash and seven hex characters.
     */
    private String physicalName(Map<String, Object> state, String property, String logicalName, boolean lowercase) {
        Object given = state.get(property);
        if (given instanceof String s && !s.isEmpty()) {
            return s;
        }
        Object prefix = state.get(property + "Prefix");
        String base = prefix instanceof String s && !s.isEmpty() ? s : logicalName + "-";
        String name = base + hex(property, logicalName, 7);
        if (lowercase) {
            name = name.toLowerCase(Locale.ROOT);
        }
        state.put(property, name);
        return name;
    }

    private static void copyTags(Map<String, Object> inputs, Map<String, Object> state) {
        Object tags = inputs.get("tags");
        if (tags instanceof Map<?, ?> map) {
            state.put("tagsAll", map);
        }
    }

    private String uuid(String type, String logicalName) {
        return UUID.nameUUIDFromBytes((account.accountId() + type + logicalName).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String hex(String salt, String logicalName, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((account.accountId() + salt + logicalName).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static String reverse(String dnsSuffix) {
        String[] parts = dnsSuffix.split("\\.");
        StringBuilder reversed = new StringBuilder();
        for (int i = parts.length - 1; i >= 0; i--) {
            reversed.append(parts[i]);
            if (i > 0) {
                reversed.append('.');
            }
        }
        return reversed.toString();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
