package io.github.securepulumi.core;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects a component's outputs from its {@code public final Output<T>} fields, so that the map
 * passed to {@code registerOutputs} cannot drift from the fields users read.
 */
public final class ComponentOutputs {

    private ComponentOutputs() {
    }

    /**
     * Returns every {@code public final} field of type {@code Output} declared by the component's
     * class, by field name. Call it after all those fields are assigned.
     *
     * @throws IllegalStateException if one of those fields is still {@code null}
     */
    public static Map<String, Output<?>> of(ComponentResource component) {
        Map<String, Output<?>> outputs = new TreeMap<>();
        for (Field field : component.getClass().getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isPublic(modifiers) || !Modifier.isFinal(modifiers) || Modifier.isStatic(modifiers)
                    || !Output.class.isAssignableFrom(field.getType())) {
                continue;
            }
            Object value = read(field, component);
            if (value == null) {
                throw new IllegalStateException(component.getClass().getSimpleName() + "." + field.getName()
                        + " is null when outputs are registered; assign every output field before calling registerOutputs.");
            }
            outputs.put(field.getName(), (Output<?>) value);
        }
        return outputs;
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("public field " + field + " is not readable", e);
        }
    }
}
