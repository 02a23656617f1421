package dev.zmqffm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.internal.raw.zmq_h;
import dev.zmqffm.testing.ForkedJvm;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LibZmq writes the C signatures itself (so that the generated holders, and the extra handles
 * they build, stay unloaded); this keeps them equal to what jextract generated from zmq.h, and
 * checks that the handles are made lazily.
 */
class LibZmqTest {
    private static final List<Method> WRAPPERS = Arrays.stream(LibZmq.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getName().startsWith("zmq_"))
            .toList();

    /** zmq_h's descriptor for the C function a wrapper calls. */
    private static FunctionDescriptor generated(String wrapper) throws ReflectiveOperationException {
        // Variants of one C function (linker options differ) are named <function>_<variant>.
        String function = wrapper.replaceFirst("_(upcalling|critical|ordinary|attempt)$", "");
        return (FunctionDescriptor) zmq_h.class.getMethod(function + "$descriptor").invoke(null);
    }

    @Test
    void everyWrapperHasTheGeneratedSignature() throws Exception {
        assertFalse(WRAPPERS.isEmpty());
        for (Method wrapper : WRAPPERS) {
            MethodType c = generated(wrapper.getName()).toMethodType();
            List<Class<?>> params = new ArrayList<>(List.of(wrapper.getParameterTypes()));
            if (params.size() == c.parameterCount() + 1) {
                // fallible calls take the errno capture segment first
                assertEquals(MemorySegment.class, params.remove(0), wrapper.getName());
            }
            assertEquals(c.parameterList(), params, wrapper.getName());
            if (!wrapper.getName().equals("zmq_strerror")) {     // the one that decodes its result
                assertEquals(c.returnType(), wrapper.getReturnType(), wrapper.getName());
            }
        }
    }

    @Test
    void everyHandleLinksAndMatchesItsWrapper() throws Exception {
        int holders = 0;
        for (Class<?> holder : LibZmq.class.getDeclaredClasses()) {
            Field h = holder.getDeclaredField("H");
            h.setAccessible(true);
            MethodHandle handle = (MethodHandle) h.get(null);   // initialises: looks up and links
            holders++;
            assertTrue(WRAPPERS.stream().anyMatch(w -> w.getReturnType() == handle.type().returnType()
                    && List.of(w.getParameterTypes()).equals(handle.type().parameterList())
                    || w.getName().equals("zmq_strerror")), holder.getName() + " " + handle.type());
        }
        assertEquals(WRAPPERS.size(), holders, "one holder per wrapper");
    }

    @Test
    void messageSizeIsTheGeneratedLayoutsAndLibzmqs() {
        assertEquals(dev.zmqffm.internal.raw.zmq_msg_t.layout().byteSize(), LibZmq.MSG_T_SIZE);
        try (dev.zmqffm.Context ctx = dev.zmqffm.Context.create()) {
            assertEquals(LibZmq.MSG_T_SIZE, (long) ctx.get(dev.zmqffm.ContextOptions.MSG_T_SIZE));
        }
    }

    /** Main of the forked JVM below: one call, then the list of handles that exist. */
    public static final class OneCall {
        public static void main(String[] args) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment v = arena.allocate(ValueLayout.JAVA_INT, 3);
                LibZmq.zmq_version(v, v.asSlice(4), v.asSlice(8));
            }
        }
    }

    @Test
    void aCallBuildsOnlyItsOwnHandle() {
        ForkedJvm.Result r = ForkedJvm.run(List.of("-Xlog:class+init=info"), OneCall.class.getName(), List.of(), 60);
        assertEquals(0, r.exitCode(), r.evidence());
        List<String> initialised = r.stdout().lines().filter(l -> l.contains("Initializing 'dev/zmqffm/internal/LibZmq$")).toList();
        assertEquals(1, initialised.size(), r.evidence());
        assertTrue(initialised.get(0).contains("LibZmq$Version"), initialised.toString());
        assertFalse(r.stdout().contains("Initializing 'dev/zmqffm/internal/raw/zmq_h$zmq_"), "a generated function holder was initialised:\n" + r.stdout());
    }
}
