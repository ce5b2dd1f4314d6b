package io.github.securepulumi.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** Tags securepulumi puts on every resource it creates, and the checks AWS applies to tags. */
public final class Tags {

    /** Tag naming the library that created a resource, so that auditors can find them all. */
    public static final String MANAGED_BY = "managed-by";

    /** Tag naming the component instance a resource belongs to. */
    public static final String COMPONENT = "securepulumi:component";

    /** Maximum length of a tag key that AWS accepts, in characters. */
    public static final int MAX_KEY_LENGTH = 128;

    /** Maximum length of a tag value that AWS accepts, in characters. */
    public static final int MAX_VALUE_LENGTH = 256;

    private Tags() {
    }

    /** The user's tags plus the default ones; the user's value wins when a key is in both. */
    public static Map<String, String> withDefaults(Map<String, String> userTags, String componentName) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(MANAGED_BY, "securepulumi");
        tags.put(COMPONENT, componentName);
        tags.putAll(userTags);
        return tags;
    }

    /** Records a problem for every tag AWS would reject: reserved prefix, empty or too long. */
    public static void check(String property, Map<String, String> tags, Validation validation) {
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                validation.reject(property + " key", key, "AWS accepts tag keys of 1 to 128 characters; shorten the key.");
            } else if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                validation.reject(property + " key", key, "the aws: prefix is reserved for AWS; choose another key.");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                validation.reject(property + "[" + key + "]", value.substring(0, 20) + "...",
                        "AWS accepts tag values of at most 256 characters; shorten the value.");
            }
        });
    }
}
