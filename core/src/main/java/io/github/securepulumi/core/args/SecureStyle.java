package io.github.securepulumi.core.args;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style shared by every args type in securepulumi.
 *
 * <p>An abstract {@code AbstractXxxArgs} type generates the public immutable {@code XxxArgs} class
 * with a static {@code builder()}, which is how Pulumi's own generated args are built. Optional
 * attributes use {@link java.util.Optional}; attributes with a secure default use
 * {@link Value.Default} and document that default.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        typeAbstract = "Abstract*",
        typeImmutable = "*",
        visibility = Value.Style.ImplementationVisibility.PUBLIC,
        builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
        defaults = @Value.Immutable(copy = true),
        jdkOnly = true)
public @interface SecureStyle {
}
