package dev.zmqffm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The descriptor count behind the EMFILE guard of a context's first socket. */
class FileDescriptorsTest {
    @Test
    void theLimitReadFromProcIsTheOneGetrlimitReports() {
        assumeTrue(Platform.current() == Platform.LINUX, "/proc/self/limits is Linux's");
        long fromProc = FileDescriptors.procSoftLimit();
        long fromCall = FileDescriptors.getrlimitSoftLimit(FileDescriptors.getrlimit());
        assertTrue(fromProc > 0, "read " + fromProc);
        // getrlimit's RLIM_INFINITY is all ones (-1 signed); /proc says "unlimited".
        assertEquals(fromCall == -1 ? Long.MAX_VALUE : fromCall, fromProc);
    }

    @Test
    void availableIsBelowTheLimitAndAboveZero() {
        assumeTrue(Platform.current() == Platform.LINUX || Platform.current() == Platform.MACOS);
        long available = FileDescriptors.available();
        assertTrue(available > 0 && available < FileDescriptors.getrlimitSoftLimit(FileDescriptors.getrlimit()), "available " + available);
    }
}
