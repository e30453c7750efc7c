package io.bokit.host;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads where the running JDK has them (Java 21 or later), while bokit compiles for Java 17: three
 * method handles of {@code Thread.ofVirtual().name(prefix, 1).factory()}, looked up once.
 */
final class VirtualThreads {
    private static final MethodHandle OF_VIRTUAL;
    private static final MethodHandle NAME;
    private static final MethodHandle FACTORY;

    static {
        MethodHandle ofVirtual = null;
        MethodHandle name = null;
        MethodHandle factory = null;
        if (Runtime.version().feature() >= 21) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> builder = Class.forName("java.lang.Thread$Builder");
                Class<?> ofVirtualBuilder = Class.forName("java.lang.Thread$Builder$OfVirtual");
                ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualBuilder));
                name = lookup.findVirtual(
                        ofVirtualBuilder, "name", MethodType.methodType(ofVirtualBuilder, String.class, long.class));
                factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            } catch (ReflectiveOperationException e) {
                ofVirtual = null;
            }
        }
        OF_VIRTUAL = ofVirtual;
        NAME = name;
        FACTORY = factory;
    }

    private VirtualThreads() {}

    /** Whether this JDK has virtual threads. */
    static boolean available() {
        return OF_VIRTUAL != null;
    }

    /**
     * A factory of virtual threads named {@code prefix1}, {@code prefix2} …
     *
     * @throws UnsupportedOperationException when this JDK has no virtual threads
     */
    static ThreadFactory factory(String prefix) {
        if (!available()) {
            throw new UnsupportedOperationException("virtual threads need Java 21 or later");
        }
        try {
            Object builder = OF_VIRTUAL.invoke();
            builder = NAME.invoke(builder, prefix, 1L);
            return (ThreadFactory) FACTORY.invoke(builder);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Could not create a virtual thread factory", e);
        }
    }
}
