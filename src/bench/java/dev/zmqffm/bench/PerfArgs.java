package dev.zmqffm.bench;

/**
 * The command line the one-process perf tools share with the C one
 * ({@code thr|lat ENDPOINT SIZE COUNT WARMUP [STYLE]}), as {@code scripts/bench} passes it.
 *
 * <pre>{@code
 * PerfArgs a = PerfArgs.parse(new String[] {"thr", "tcp://127.0.0.1:*", "64", "100000", "25000", "msg"});
 * }</pre>
 *
 * @param throughput {@code thr} (else {@code lat})
 * @param style the sixth argument, or {@code ""} where the tool has one style only
 */
record PerfArgs(boolean throughput, String endpoint, int size, int count, int warmup, String style) {
    static PerfArgs parse(String[] args) {
        return new PerfArgs(args[0].equals("thr"), args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), args.length > 5 ? args[5] : "");
    }
}
