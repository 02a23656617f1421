/**
 * ZeroMQ for Java through the Foreign Function and Memory API.
 *
 * <p>Only {@code dev.zmqffm} is exported; the jextract output ({@code dev.zmqffm.internal.raw}) and
 * the glue around it ({@code dev.zmqffm.internal}) are implementation details. Run with
 * {@code --enable-native-access=dev.zmqffm} (or {@code ALL-UNNAMED} on the class path).
 */
module dev.zmqffm {
    exports dev.zmqffm;

    // JSpecify nullness annotations: needed to compile, and by tools that read them; not at run time.
    requires static org.jspecify;
    // JFR events (dev.zmqffm.internal.jfr). Not static: event classes need the module resolved, and
    // an application launched with -m would otherwise not resolve it; jlink then includes it.
    requires jdk.jfr;
}
