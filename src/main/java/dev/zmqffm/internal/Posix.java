package dev.zmqffm.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.BitSet;
import java.util.Locale;

/**
 * The few libc calls the binding needs to check inputs libzmq would otherwise abort on: thread
 * scheduling (the calls libzmq's I/O threads make on themselves), the process's CPU set, and
 * the state of a socket descriptor. Linux (glibc) only — {@link #LINUX} says whether they are
 * available; callers refuse the inputs they cannot check elsewhere.
 *
 * <pre>{@code
 * if (Posix.LINUX && Posix.socketOption(fd, Posix.SO_ACCEPTCONN) == 1) { ... }
 * }</pre>
 *
 * <p>Every fallible call captures {@code errno} in the same downcall; failures are returned as
 * negative errno values ({@code -errno}), never thrown, so callers decide what they mean.
 */
public final class Posix {
    private Posix() {}

    /** Whether this is Linux, where the calls below exist with these constants. */
    public static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    /** {@code SCHED_FIFO}. */
    public static final int SCHED_FIFO = 1;
    /** {@code SCHED_RR}. */
    public static final int SCHED_RR = 2;
    /** {@code SOL_SOCKET} option {@code SO_TYPE}. */
    public static final int SO_TYPE = 3;
    /** {@code SOL_SOCKET} option {@code SO_ACCEPTCONN}. */
    public static final int SO_ACCEPTCONN = 30;
    /** {@code SOL_SOCKET} option {@code SO_DOMAIN}. */
    public static final int SO_DOMAIN = 39;
    /** Address families and socket types as {@code SO_DOMAIN}/{@code SO_TYPE} report them. */
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int SOCK_STREAM = 1;
    /** {@code ENOTSOCK} and {@code EBADF}, for messages. */
    public static final int ENOTSOCK = 88;
    public static final int EBADF = 9;

    /** {@code cpu_set_t} of glibc: 1024 bits. */
    public static final int CPU_SETSIZE = 1024;
    private static final int SOL_SOCKET = 1;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout ADDRESS = ValueLayout.ADDRESS;

    private static final MethodHandle PTHREAD_SELF = handle("pthread_self", FunctionDescriptor.of(LONG), false);
    private static final MethodHandle GETSCHEDPARAM = handle("pthread_getschedparam",
            FunctionDescriptor.of(INT, LONG, ADDRESS, ADDRESS), false);
    private static final MethodHandle SETSCHEDPARAM = handle("pthread_setschedparam",
            FunctionDescriptor.of(INT, LONG, INT, ADDRESS), false);
    private static final MethodHandle NICE = handle("nice", FunctionDescriptor.of(INT, INT), true);
    private static final MethodHandle SETAFFINITY = handle("pthread_setaffinity_np",
            FunctionDescriptor.of(INT, LONG, LONG, ADDRESS), false);
    private static final MethodHandle GETAFFINITY = handle("sched_getaffinity",
            FunctionDescriptor.of(INT, INT, LONG, ADDRESS), true);
    private static final MethodHandle GETSOCKOPT = handle("getsockopt",
            FunctionDescriptor.of(INT, INT, INT, INT, ADDRESS, ADDRESS), true);
    private static final MethodHandle DUP = handle("dup", FunctionDescriptor.of(INT, INT), true);
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(INT, INT), false);
    private static final MethodHandle PRIORITY_MAX = handle("sched_get_priority_max", FunctionDescriptor.of(INT, INT), false);

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, boolean errno) {
        if (!LINUX) {
            return null;
        }
        MemorySegment address = LINKER.defaultLookup().find(name).orElse(null);
        if (address == null) {
            return null;
        }
        return errno ? LINKER.downcallHandle(address, descriptor, Linker.Option.captureCallState("errno"))
                : LINKER.downcallHandle(address, descriptor);
    }

    private static RuntimeException unavailable(Throwable e) {
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    /** The CPUs this process may run on ({@code sched_getaffinity}); empty if unknown. */
    public static BitSet allowedCpus() {
        BitSet cpus = new BitSet();
        if (GETAFFINITY == null) {
            return cpus;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(CPU_SETSIZE / 8, 8);
            MemorySegment capture = arena.allocate(CAPTURE);
            if ((int) GETAFFINITY.invokeExact(capture, 0, (long) CPU_SETSIZE / 8, mask) == 0) {
                return BitSet.valueOf(mask.toArray(ValueLayout.JAVA_BYTE));
            }
            return cpus;
        } catch (Throwable e) {
            throw unavailable(e);
        }
    }

    /** The largest static priority of {@code policy}, or -1 if the policy is unknown. */
    public static int maxPriority(int policy) {
        try {
            return PRIORITY_MAX == null ? -1 : (int) PRIORITY_MAX.invokeExact(policy);
        } catch (Throwable e) {
            throw unavailable(e);
        }
    }

    /**
     * Applies to the calling thread exactly what libzmq 4.3.4 applies to each of its threads when
     * they start (thread.cpp, {@code applySchedulingParameters}), and returns 0 or the failing
     * step's errno as {@code -errno}, with {@code failedStep} naming it. libzmq asserts on every
     * failure there, so a context whose options fail here must not start. Run it on a thread
     * that ends afterwards: the changes stay with that thread.
     *
     * @param policy -1 for "keep the inherited policy"
     * @param priority -1 for "keep"
     * @param cpus CPUs for the affinity set; empty for "keep"
     */
    public static int applyLikeLibzmq(int policy, int priority, BitSet cpus, String[] failedStep) {
        if (PTHREAD_SELF == null || GETSCHEDPARAM == null || SETSCHEDPARAM == null || NICE == null
                || SETAFFINITY == null) {
            failedStep[0] = "libc thread calls not found";
            return -38;                                                         // ENOSYS
        }
        try (Arena arena = Arena.ofConfined()) {
            long self = (long) PTHREAD_SELF.invokeExact();
            MemorySegment currentPolicy = arena.allocate(INT);
            MemorySegment param = arena.allocate(INT);                          // struct sched_param
            int rc = (int) GETSCHEDPARAM.invokeExact(self, currentPolicy, param);
            if (rc != 0) {
                failedStep[0] = "pthread_getschedparam";
                return -rc;
            }
            int effective = policy != -1 ? policy : currentPolicy.get(INT, 0);
            boolean usesNice = effective != SCHED_FIFO && effective != SCHED_RR;
            if (priority != -1) {
                param.set(INT, 0, usesNice ? 0 : priority);
            }
            rc = (int) SETSCHEDPARAM.invokeExact(self, effective, param);
            if (rc != 0) {
                failedStep[0] = "pthread_setschedparam(policy " + effective + ", priority " + param.get(INT, 0) + ")";
                return -rc;
            }
            if (usesNice && priority != -1) {
                MemorySegment capture = arena.allocate(CAPTURE);
                // libzmq treats a -1 result as failure whatever errno says; so must we.
                if ((int) NICE.invokeExact(capture, -20) == -1) {
                    failedStep[0] = "nice(-20)";
                    int errno = (int) ERRNO.get(capture, 0L);
                    return -(errno == 0 ? 1 : errno);
                }
            }
            if (!cpus.isEmpty()) {
                MemorySegment mask = arena.allocate(CPU_SETSIZE / 8, 8);
                byte[] bits = cpus.get(0, CPU_SETSIZE).toByteArray();
                MemorySegment.copy(bits, 0, mask, ValueLayout.JAVA_BYTE, 0, bits.length);
                rc = (int) SETAFFINITY.invokeExact(self, (long) CPU_SETSIZE / 8, mask);
                if (rc != 0) {
                    failedStep[0] = "pthread_setaffinity_np(" + cpus + ")";
                    return -rc;
                }
            }
            return 0;
        } catch (Throwable e) {
            throw unavailable(e);
        }
    }

    /**
     * An {@code SOL_SOCKET} integer option of descriptor {@code fd} ({@code getsockopt}), or
     * {@code -errno} ({@code -ENOTSOCK} for a file that is not a socket, {@code -EBADF} for a
     * descriptor that is not open).
     */
    public static int socketOption(int fd, int option) {
        if (GETSOCKOPT == null) {
            return -38;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(INT);
            MemorySegment length = arena.allocateFrom(INT, Integer.BYTES);
            MemorySegment capture = arena.allocate(CAPTURE);
            if ((int) GETSOCKOPT.invokeExact(capture, fd, SOL_SOCKET, option, value, length) != 0) {
                return -(int) ERRNO.get(capture, 0L);
            }
            return value.get(INT, 0);
        } catch (Throwable e) {
            throw unavailable(e);
        }
    }

    /** {@code dup(fd)}: a new descriptor for the same open file, or {@code -errno}. */
    public static int dup(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            int copy = (int) DUP.invokeExact(capture, fd);
            return copy >= 0 ? copy : -(int) ERRNO.get(capture, 0L);
        } catch (Throwable e) {
            throw unavailable(e);
        }
    }

    /** {@code close(fd)}, for a descriptor this process made with {@link #dup}. */
    public static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable e) {
            throw unavailable(e);
        }
    }
}
