package dev.zmqffm;

import java.util.EnumSet;
import java.util.Set;

/**
 * Readiness of a socket: what {@link SocketOptions#EVENTS} reports.
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=poll-event}
 */
public enum PollEvent {
    /** At least one message can be received without blocking ({@code ZMQ_POLLIN}). */
    IN(1),
    /** At least one message can be sent without blocking ({@code ZMQ_POLLOUT}). */
    OUT(2),
    /** An error condition on a raw file descriptor ({@code ZMQ_POLLERR}). */
    ERR(4),
    /** Urgent data on a raw file descriptor ({@code ZMQ_POLLPRI}). */
    PRI(8);

    private final int bit;

    PollEvent(int bit) {
        this.bit = bit;
    }

    int bit() {
        return bit;
    }

    static int bits(Set<PollEvent> events) {
        int bits = 0;
        for (PollEvent e : events) {
            bits |= e.bit;
        }
        return bits;
    }

    static Set<PollEvent> decode(int bits) {
        EnumSet<PollEvent> set = EnumSet.noneOf(PollEvent.class);
        for (PollEvent e : values()) {
            if ((bits & e.bit) != 0) {
                set.add(e);
            }
        }
        return set;
    }
}
