package io.github.securepulumi.core.preview;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One resource of a recorded stack.
 *
 * @param key              {@code type::name}, unique within a stack as Pulumi URNs require
 * @param type             Pulumi type token, for example {@code aws:cloudtrail/trail:Trail}
 * @param name             logical name given to the constructor
 * @param parentKey        key of the parent, or empty for resources directly under the stack
 * @param component        whether this is a component resource (nothing is created in AWS for it)
 * @param dependsOn        keys listed in the {@code dependsOn} resource option
 * @param impliedDependsOn keys of resources whose outputs were passed into one of this resource's
 *                         top-level input properties
 * @param inputs           resolved input properties, as the provider receives them
 * @param outputs          output properties as the simulated account returned them
 * @param secretProperties names of properties that are secret: inputs that are or contain a secret
 *                         value, and outputs the provider marks secret; renderers mask their values
 *                         nested inside them; renderers mask their values
 * @param retainOnDelete   whether the {@code retainOnDelete} option is set
 * @param protect          whether the {@code protect} option is set
 */
public record ResourceNode(
        String key,
        String type,
        String name,
        Optional<String> parentKey,
        boolean component,
        Set<String> dependsOn,
        Set<String> impliedDependsOn,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        Set<String> secretProperties,
        boolean retainOnDelete,
        boolean protect) {

    public ResourceNode {
        Objects.requireNonNull(key, "key");
        dependsOn = Set.copyOf(dependsOn);
        impliedDependsOn = Set.copyOf(impliedDependsOn);
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
        secretProperties = Set.copyOf(secretProperties);
    }

    /** Builds the key that identifies a resource of a type and logical name. */
    public static String keyOf(String type, String name) {
        return type + "::" + name;
    }

    /** Returns a resolved input property, or empty when it was not set. */
    public Optional<Object> input(String property) {
        return Optional.ofNullable(inputs.get(property));
    }

    /** A resolved input property that must be a string. */
    public String inputString(String property) {
        Object value = inputs.get(property);
        if (value == null) {
            throw new IllegalStateException(key + " has no input \"" + property + "\"; its inputs are " + inputs.keySet());
        }
        if (!(value instanceof String s)) {
            throw new IllegalStateException(key + " input \"" + property + "\" is a " + value.getClass().getSimpleName()
                    + ", not a string; read it with input(\"" + property + "\").");
        }
        return s;
    }

    /** Parses a string input property that contains JSON, such as a policy document. */
    public JsonElement inputJson(String property) {
        return JsonParser.parseString(inputString(property));
    }

    /** Returns a simulated output property, or empty when the resource has none by that name. */
    public Optional<Object> output(String property) {
        return Optional.ofNullable(outputs.get(property));
    }

    /** Returns every key this resource waits for, explicit and implied. */
    public Set<String> allDependencies() {
        Set<String> all = new TreeSet<>(dependsOn);
        all.addAll(impliedDependsOn);
        return all;
    }
}
