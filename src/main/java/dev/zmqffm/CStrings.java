package dev.zmqffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Strings that libzmq reads as C strings: a NUL inside would silently cut them short. */
final class CStrings {
    private CStrings() {}

    static String checked(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " is null");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a NUL character: libzmq reads it as a C string");
        }
        return value;
    }

    static MemorySegment allocate(Arena arena, String value, String what) {
        return arena.allocateFrom(checked(value, what));
    }
}
