package dev.zmqffm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zmqffm.internal.raw.zmq_pollitem_t;
import java.lang.foreign.MemoryLayout.PathElement;
import org.junit.jupiter.api.Test;

/** The hand-written layout must agree with jextract's on the platform the bindings came from. */
class PollItemsTest {

    @Test
    void layoutMatchesTheGeneratedOne() {
        var generated = zmq_pollitem_t.layout();
        assertEquals(generated.byteSize(), PollItems.LAYOUT.byteSize());
        assertEquals(generated.byteAlignment(), PollItems.LAYOUT.byteAlignment());
        for (String field : new String[] {"socket", "fd", "events", "revents"}) {
            assertEquals(generated.byteOffset(PathElement.groupElement(field)),
                    PollItems.LAYOUT.byteOffset(PathElement.groupElement(field)), field);
            assertEquals(generated.select(PathElement.groupElement(field)).byteSize(),
                    PollItems.LAYOUT.select(PathElement.groupElement(field)).byteSize(), field);
        }
    }

    @Test
    void messageLayoutIsLibzmqs() {
        assertEquals(64, LibZmq.MSG_T_SIZE);
        assertEquals(8, LibZmq.MSG_T_ALIGN);
    }
}
