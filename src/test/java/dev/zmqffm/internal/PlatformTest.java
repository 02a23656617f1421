package dev.zmqffm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void recognisesTheOperatingSystemNames() {
        assertEquals(Platform.LINUX, Platform.detect("Linux"));
        assertEquals(Platform.MACOS, Platform.detect("Mac OS X"));
        assertEquals(Platform.WINDOWS, Platform.detect("Windows 11"));
        assertEquals(Platform.OTHER, Platform.detect("FreeBSD"));
        assertTrue(Platform.WINDOWS.hasWideDescriptors());
        assertFalse(Platform.LINUX.hasWideDescriptors());
    }

    @Test
    void theRunningPlatformIsTheOneThisBuildRunsOn() {
        assertEquals(Platform.detect(System.getProperty("os.name")), Platform.current());
    }
}
