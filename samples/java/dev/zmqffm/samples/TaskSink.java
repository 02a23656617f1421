package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;

/**
 * Pipeline, part 3: waits for the ventilator's start signal (the number of tasks), collects that
 * many results from the workers, and prints how long the batch took.
 *
 * <pre>
 * scripts/sample task-sink [endpoint]      # tcp://*:5558
 * </pre>
 */
public final class TaskSink {
    private TaskSink() {}

    public static void main(String[] args) {
        String endpoint = args.length > 0 ? args[0] : "tcp://*:5558";
        try (Context ctx = Context.create(); Socket receiver = ctx.socket(SocketType.PULL)) {
            receiver.bind(endpoint);
            System.err.println("task-sink: listening on " + endpoint);
            int tasks = Integer.parseInt(receiver.receiveString().orElseThrow());
            long start = System.nanoTime();
            long work = 0;
            for (int i = 0; i < tasks; i++) {
                work += Integer.parseInt(receiver.receiveString().orElseThrow());
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            System.out.println("collected " + tasks + " results (" + work + " ms of work) in " + elapsed + " ms");
        }
    }
}
