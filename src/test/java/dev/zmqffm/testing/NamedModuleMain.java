package dev.zmqffm.testing;

import dev.zmqffm.Zmq;

/**
 * Run by {@code ModuleTest} on the class path against the module on the module path (a package
 * of its own: a class-path class in {@code dev.zmqffm} would be hidden by the module's package).
 */
public final class NamedModuleMain {
    private NamedModuleMain() {}

    public static void main(String[] args) throws Exception {
        System.out.println(Zmq.class.getModule());
        System.out.println("version " + Zmq.version());
        try {
            Class<?> glue = Class.forName("dev.zmqffm.internal.LibZmq");
            glue.getMethod("zmq_strerror", int.class).invoke(null, 1);
            System.out.println("internal: accessible?!");
        } catch (IllegalAccessException e) {
            System.out.println("internal: IllegalAccessException");
        }
    }
}
