package io.github.securepulumi.core.preview;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.securepulumi.core.optout.SecurityOptOut;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders a resource graph as pretty-printed JSON, for tools and for diffs between two previews.
 *
 * <p>The top-level keys are {@code project}, {@code stack}, {@code counts}, {@code resources},
 * {@code waves}, {@code optOuts} and {@code stackOutputs}. Each resource has {@code key},
 * {@code type}, {@code name}, {@code parent} (a key, or {@code null} directly under the stack),
 * {@code component}, {@code dependsOn}, {@code impliedDependsOn}, {@code inputs}, {@code outputs},
 * {@code retainOnDelete} and {@code protect}. {@code waves} is a list of lists of keys.
 *
 * <p>The output is deterministic: resources are ordered by key, {@code counts} keeps the order of
 * {@link ResourceGraph#counts()}, other map keys and dependency keys are sorted, and whole numbers
 * are written without a fraction ({@code 365}, not {@code 365.0}).
 *
 * <p>Secrets are masked as {@value #SECRET_MASK}: every input named in
 * {@link ResourceNode#secretProperties()}, the output of the same name (the simulated account echoes
 * inputs as outputs), and every stack output in {@link ResourceGraph#secretStackOutputs()}. An input
 * with a secret nested inside it, such as a Lambda function's {@code environment} with secret
 * {@code variables}, is masked whole.
 */
public final class JsonRenderer {

    /** Text written in place of a secret value. */
    public static final String SECRET_MASK = "[secret]";

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .create();

    /** Whole numbers beyond this magnitude lose precision as a {@code double}, so they keep their fraction. */
    private static final double MAX_EXACT_WHOLE_NUMBER = 9007199254740992d;

    private JsonRenderer() {
    }

    /** Renders the graph as a JSON object, ending in a newline. */
    public static String render(ResourceGraph graph) {
        JsonObject root = new JsonObject();
        root.addProperty("project", graph.projectName());
        root.addProperty("stack", graph.stackName());
        root.add("counts", counts(graph));
        root.add("resources", resources(graph));
        root.add("waves", waves(graph));
        root.add("optOuts", optOuts(graph.optOuts()));
        root.add("stackOutputs", masked(graph.stackOutputs(), graph.secretStackOutputs()));
        return GSON.toJson(root) + "\n";
    }

    /** Converts the counts in the order of {@link ResourceGraph#counts()}, the order of the summary line. */
    private static JsonObject counts(ResourceGraph graph) {
        JsonObject counts = new JsonObject();
        graph.counts().forEach(counts::addProperty);
        return counts;
    }

    private static JsonArray resources(ResourceGraph graph) {
        JsonArray resources = new JsonArray();
        for (ResourceNode node : graph.resources()) {
            JsonObject resource = new JsonObject();
            resource.addProperty("key", node.key());
            resource.addProperty("type", node.type());
            resource.addProperty("name", node.name());
            resource.add("parent", node.parentKey().<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
            resource.addProperty("component", node.component());
            resource.add("dependsOn", toJson(new TreeSet<>(node.dependsOn())));
            resource.add("impliedDependsOn", toJson(new TreeSet<>(node.impliedDependsOn())));
            resource.add("inputs", masked(node.inputs(), node.secretProperties()));
            resource.add("outputs", masked(node.outputs(), node.secretProperties()));
            resource.addProperty("retainOnDelete", node.retainOnDelete());
            resource.addProperty("protect", node.protect());
            resources.add(resource);
        }
        return resources;
    }

    private static JsonArray waves(ResourceGraph graph) {
        JsonArray waves = new JsonArray();
        for (List<ResourceNode> wave : graph.waves()) {
            JsonArray keys = new JsonArray();
            wave.forEach(node -> keys.add(node.key()));
            waves.add(keys);
        }
        return waves;
    }

    private static JsonArray optOuts(List<SecurityOptOut> optOuts) {
        JsonArray array = new JsonArray();
        for (SecurityOptOut optOut : optOuts) {
            JsonObject object = new JsonObject();
            object.addProperty("ruleId", optOut.ruleId());
            object.addProperty("component", optOut.component());
            object.addProperty("input", optOut.input());
            object.addProperty("consequence", optOut.consequence());
            object.addProperty("justification", optOut.justification().text());
            array.add(object);
        }
        return array;
    }

    /** Converts a map of properties, sorted by name, with the value of every secret name masked. */
    private static JsonObject masked(Map<String, Object> properties, Set<String> secretNames) {
        JsonObject object = new JsonObject();
        for (Map.Entry<String, Object> property : new TreeMap<>(properties).entrySet()) {
            String name = property.getKey();
            JsonElement value = secretNames.contains(name) ? new JsonPrimitive(SECRET_MASK) : toJson(property.getValue());
            object.add(name, value);
        }
        return object;
    }

    /** Converts a resolved Pulumi value (maps, lists, strings, numbers, booleans) with sorted map keys. */
    private static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, entry) -> sorted.put(String.valueOf(key), entry));
            sorted.forEach((key, entry) -> object.add(key, toJson(entry)));
            return object;
        }
        if (value instanceof Collection<?> collection) {
            JsonArray array = new JsonArray();
            collection.forEach(element -> array.add(toJson(element)));
            return array;
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (value instanceof Number number) {
            return toJsonNumber(number);
        }
        return new JsonPrimitive(value.toString());
    }

    /** Writes whole numbers as integers, because Pulumi 1.36.1 resolves every number to a {@code Double}. */
    private static JsonPrimitive toJsonNumber(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_WHOLE_NUMBER) {
                return new JsonPrimitive((long) d);
            }
        }
        return new JsonPrimitive(number);
    }
}
