package dev.zmqffm.bench;

/** The floor of {@code scripts/bench --startup}: a JVM that starts, loads one class and exits. */
public final class EmptyMain {
    private EmptyMain() {}

    public static void main(String[] args) {
        // Nothing: the time measured is the JVM's own start and exit.
    }
}
