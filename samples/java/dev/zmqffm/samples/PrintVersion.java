package dev.zmqffm.samples;

import dev.zmqffm.Zmq;

/** Prints the loaded libzmq's version and where it was loaded from: {@code 4.3.4 (libzmq.so.5)}. */
public final class PrintVersion {
    private PrintVersion() {}

    public static void main(String[] args) {
        System.out.println(Zmq.version() + " (" + Zmq.libraryLocation() + ")");
    }
}
