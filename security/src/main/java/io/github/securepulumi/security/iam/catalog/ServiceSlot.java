package io.github.securepulumi.security.iam.catalog;

/**
 * One service of a catalog, parsed from its block of the catalog text on first use.
 *
 * <p>The text is shared by all slots of a catalog through {@link #text}; the catalog clears that
 * reference once every slot has parsed, so the decompressed text can be collected.
 */
final class ServiceSlot {

    private final String prefix;
    private final int start;
    private final int end;
    private volatile IamService service;
    private SharedText text;

    /** The decompressed catalog text and how many slots still need it. */
    static final class SharedText {
        private String text;
        private int unparsed;

        SharedText(String text, int unparsed) {
            this.text = text;
            this.unparsed = unparsed;
        }

        synchronized String acquire() {
            return text;
        }

        synchronized void release() {
            unparsed--;
            if (unparsed == 0) {
                text = null;
            }
        }
    }

    ServiceSlot(String prefix, int start, int end) {
        this.prefix = prefix;
        this.start = start;
        this.end = end;
    }

    void attach(SharedText shared) {
        this.text = shared;
    }

    String prefix() {
        return prefix;
    }

    IamService service() {
        IamService parsed = service;
        if (parsed != null) {
            return parsed;
        }
        synchronized (this) {
            if (service == null) {
                service = CatalogReader.parseService(new CatalogReader.Cursor(text.acquire(), start, end));
                text.release();
                text = null;
            }
            return service;
        }
    }
}
