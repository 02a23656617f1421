package dev.zmqffm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the raw results of {@code scripts/bench} (CSV: impl,kind,transport,size,rep,value) into a
 * Markdown table (median, min–max, ratio to C per cell) and an SVG chart of throughput against
 * message size, one line per implementation.
 *
 * <pre>Report results.csv results.md chart.svg "machine description"</pre>
 */
public final class Report {
    private Report() {}

    /** Implementations in display order, each with the C baseline it is compared to. */
    private static final Map<String, String> BASELINE = new LinkedHashMap<>();
    private static final Map<String, String> LABEL = new LinkedHashMap<>();
    private static final Map<String, String> COLOR = new LinkedHashMap<>();

    static {
        add("c-msg", "c-msg", "C, zmq_msg_*", "#444444");
        add("c-buf", "c-buf", "C, zmq_send/recv buffers", "#999999");
        // The floor: the same calls as bare FFM downcalls, no zmq-ffm class (RawFfmPerf).
        add("raw-msg", "c-msg", "bare FFM, zmq_msg_*", "#2ca02c");
        add("raw-buf", "c-buf", "bare FFM, zmq_send/recv", "#98df8a");
        add("ffm-msg", "c-msg", "zmq-ffm, Message", "#d62728");
        add("ffm-bytes", "c-buf", "zmq-ffm, byte[]", "#ff9896");
        add("jeromq", "c-buf", "JeroMQ 0.6.0, byte[]", "#1f77b4");
    }

    private static void add(String impl, String base, String label, String color) {
        BASELINE.put(impl, base);
        LABEL.put(impl, label);
        COLOR.put(impl, color);
    }

    record Key(String impl, String kind, String transport, int size) {}

    public static void main(String[] args) throws IOException {
        Map<Key, List<Double>> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank() || line.startsWith("impl")) {
                continue;
            }
            String[] f = line.split(",");
            values.computeIfAbsent(new Key(f[0], f[1], f[2], Integer.parseInt(f[3])), k -> new ArrayList<>())
                    .add(Double.parseDouble(f[5]));
        }
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(args.length > 3 ? args[3] : "unknown").append("\n\n");
        for (String kind : List.of("thr", "lat")) {
            TreeSet<String> transports = new TreeSet<>();
            values.keySet().stream().filter(k -> k.kind.equals(kind)).forEach(k -> transports.add(k.transport));
            for (String transport : transports) {
                md.append(kind.equals("thr")
                        ? "#### Throughput over " + transport + ", messages per second (higher is better)\n\n"
                        : "#### Latency over " + transport + ", one-way microseconds (lower is better)\n\n");
                md.append("| size |");
                for (String impl : BASELINE.keySet()) {
                    md.append(' ').append(LABEL.get(impl)).append(" |");
                }
                md.append("\n|---|");
                md.append("---|".repeat(BASELINE.size())).append('\n');
                TreeSet<Integer> sizes = new TreeSet<>();
                values.keySet().stream().filter(k -> k.kind.equals(kind) && k.transport.equals(transport))
                        .forEach(k -> sizes.add(k.size));
                for (int size : sizes) {
                    md.append("| ").append(sizeLabel(size)).append(" |");
                    for (String impl : BASELINE.keySet()) {
                        List<Double> v = values.get(new Key(impl, kind, transport, size));
                        List<Double> base = values.get(new Key(BASELINE.get(impl), kind, transport, size));
                        if (v == null) {
                            md.append(" – |");
                            continue;
                        }
                        md.append(' ').append(number(median(v), kind)).append(" (")
                                .append(number(min(v), kind)).append("–").append(number(max(v), kind)).append(')');
                        if (base != null && !impl.startsWith("c-")) {
                            md.append(String.format(Locale.ROOT, " **%.2f×**", median(v) / median(base)));
                        }
                        md.append(" |");
                    }
                    md.append('\n');
                }
                md.append('\n');
            }
        }
        md.append("Cells: median (min–max) of the repetitions; **bold**: ratio to the C baseline using the same "
                + "style (Message ÷ C zmq_msg_*, byte[] and JeroMQ ÷ C buffers). For latency a ratio below 1 is "
                + "better than C.\n");
        Files.writeString(Path.of(args[1]), md);
        String machine = args.length > 3 ? args[3] : "";
        Files.writeString(Path.of(args[2]), chart(values, "tcp",
                machine.contains("one core") ? ", all threads on one core" : ""));
    }

    private static String chart(Map<Key, List<Double>> values, String transport, String where) {
        int w = 760;
        int h = 440;
        int left = 80;
        int right = 210;
        int top = 40;
        int bottom = 60;
        TreeSet<Integer> sizes = new TreeSet<>();
        double maxValue = 1;
        for (Map.Entry<Key, List<Double>> e : values.entrySet()) {
            if (e.getKey().kind.equals("thr") && e.getKey().transport.equals(transport)) {
                sizes.add(e.getKey().size);
                maxValue = Math.max(maxValue, median(e.getValue()));
            }
        }
        double logMax = Math.ceil(Math.log10(maxValue));
        double logMin = logMax - 4;
        List<Integer> xs = new ArrayList<>(sizes);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", w, h));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", w, h));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"22\" font-size=\"15\">PUSH/PULL throughput over %s%s (messages/s, log scale)</text>%n",
                left, transport, where));
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        for (int d = 0; d <= 4; d++) {
            double y = top + plotH - plotH * d / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    left, y, left + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">1e%d</text>%n",
                    left - 6, y + 4, (int) (logMin + d)));
        }
        for (int i = 0; i < xs.size(); i++) {
            double x = left + (xs.size() == 1 ? plotW / 2.0 : plotW * i / (double) (xs.size() - 1));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, top + plotH + 18, sizeLabel(xs.get(i))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">message size</text>%n",
                left + plotW / 2, h - 15));
        int legend = 0;
        for (String impl : BASELINE.keySet()) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < xs.size(); i++) {
                List<Double> v = values.get(new Key(impl, "thr", transport, xs.get(i)));
                if (v == null) {
                    continue;
                }
                double x = left + (xs.size() == 1 ? plotW / 2.0 : plotW * i / (double) (xs.size() - 1));
                double y = top + plotH - plotH * (Math.log10(median(v)) - logMin) / 4.0;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        x, y, COLOR.get(impl)));
            }
            if (points.length() == 0) {
                continue;
            }
            svg.append(String.format(Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", points.toString().trim(),
                    COLOR.get(impl)));
            int ly = top + 10 + 20 * legend++;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    w - right + 15, ly, w - right + 40, ly, COLOR.get(impl)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", w - right + 46, ly + 4,
                    LABEL.get(impl)));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String sizeLabel(int size) {
        if (size >= 1 << 20) {
            return (size >> 20) + " MiB";
        }
        if (size >= 1024) {
            return (size >> 10) + " KiB";
        }
        return size + " B";
    }

    private static String number(double v, String kind) {
        if (kind.equals("lat")) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
