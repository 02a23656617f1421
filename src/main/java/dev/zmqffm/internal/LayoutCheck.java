package dev.zmqffm.internal;

import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;

/**
 * Refuses, with one clear message, a platform whose C data model the generated layer
 * ({@code dev.zmqffm.internal.raw}) was not made for.
 *
 * <p>jextract writes the build host's C types into its output: the committed code was generated
 * on LP64 Linux, where C {@code long}, {@code size_t} and pointers are 8 bytes, and it says so in
 * casts such as {@code (ValueLayout.OfLong) canonicalLayouts().get("long")}. On LLP64 Windows
 * ({@code long} is 4 bytes) or a 32-bit JVM that cast fails inside a static initialiser, as a
 * {@code ClassCastException} wrapped in an {@code ExceptionInInitializerError} that names
 * nothing useful. Linux and macOS on x86-64 and AArch64 share the model and pass.
 *
 * <p>{@link #require()} runs before any generated class is initialised: from
 * {@link NativeLibrary#lookup()} (the gate of every native call) and from the static
 * initialisers of the API classes that read generated constants.
 */
public final class LayoutCheck {
    private LayoutCheck() {}

    /** The failure message, or null on a supported platform; computed once. */
    private static final String PROBLEM = problem(System.getProperty("os.name", "?"),
            System.getProperty("os.arch", "?"), Linker.nativeLinker().canonicalLayouts());

    /**
     * Returns normally on a platform the generated layer fits.
     *
     * @throws UnsatisfiedLinkError naming the platform, what differs and how to regenerate
     */
    public static void require() {
        if (PROBLEM != null) {
            throw new UnsatisfiedLinkError(PROBLEM);    // a fresh error each time, never a class-init failure
        }
    }

    /**
     * What is wrong with a platform with these canonical C layouts for the generated layer, or
     * null if nothing is. (Separate from the running JVM's values so tests can pass others.)
     */
    static String problem(String os, String arch, Map<String, MemoryLayout> canonical) {
        StringBuilder differs = new StringBuilder();
        expect(differs, canonical, "long", ValueLayout.OfLong.class);
        expect(differs, canonical, "size_t", ValueLayout.OfLong.class);
        expect(differs, canonical, "long long", ValueLayout.OfLong.class);
        expect(differs, canonical, "int", ValueLayout.OfInt.class);
        expect(differs, canonical, "void*", java.lang.foreign.AddressLayout.class);
        MemoryLayout pointer = canonical.get("void*");
        if (pointer != null && pointer.byteSize() != 8) {
            differs.append(", pointers are ").append(pointer.byteSize()).append(" bytes, not 8");
        }
        if (differs.isEmpty()) {
            return null;
        }
        return "zmq-ffm cannot run on " + os + " " + arch + ": its generated bindings (dev.zmqffm.internal.raw) "
                + "were made by jextract for the LP64 data model of Linux and macOS (C long, size_t and pointers "
                + "8 bytes), and here" + differs.substring(1) + ". Regenerate them on this platform with "
                + "scripts/generate-bindings (see jextract/README.md) and rebuild zmq-ffm.";
    }

    private static void expect(StringBuilder differs, Map<String, MemoryLayout> canonical, String type,
                               Class<? extends MemoryLayout> kind) {
        MemoryLayout layout = canonical.get(type);
        if (layout == null) {
            differs.append(", C ").append(type).append(" has no canonical layout");
        } else if (!kind.isInstance(layout) || (kind == ValueLayout.OfLong.class && layout.byteSize() != 8)) {
            differs.append(", C ").append(type).append(" is ").append(layout.byteSize()).append(" bytes");
        }
    }
}
