package io.github.securepulumi.core.optout;

import com.pulumi.resources.Resource;
import io.github.securepulumi.core.internal.PulumiInternals;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Reports every secure default a component switched off.
 *
 * <p>Each report becomes a warning in {@code pulumi preview} and {@code pulumi up}, attached to the
 * component, and reaches every registered listener: the offline preview registers one and lists the
 * opt-outs in its summary.
 */
public final class OptOutReporter {

    private static final List<Consumer<SecurityOptOut>> LISTENERS = new CopyOnWriteArrayList<>();

    private OptOutReporter() {
    }

    /** Logs the opt-out as an engine warning on the component and passes it to the listeners. */
    public static void report(Resource component, SecurityOptOut optOut) {
        PulumiInternals.warn(optOut.describe(), component);
        for (Consumer<SecurityOptOut> listener : LISTENERS) {
            listener.accept(optOut);
        }
    }

    /**
     * Registers a listener until the returned action runs.
     *
     * @return an action that removes the listener
     */
    public static Runnable listen(Consumer<SecurityOptOut> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }
}
