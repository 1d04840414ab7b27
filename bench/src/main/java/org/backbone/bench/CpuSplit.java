package org.backbone.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went while a bench measured: every process's user + system time from
 * {@code /proc}, before and after, grouped by what it is (a service by its jar's folder, PostgreSQL,
 * Kafka, Keycloak, this bench). Processes born in between (PostgreSQL's backends) count from zero;
 * those that ended in between are lost, which on a steady run is nothing that matters. Linux only.
 */
final class CpuSplit {

    private static final Pattern SERVICE_JAR = Pattern.compile("/([a-z-]+)/target/quarkus-app/quarkus-run\\.jar");
    /** The kernel's clock ticks per second, as nearly every Linux reports them in /proc. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<Long, Long> ticksAtStart;
    private final long startNanos = System.nanoTime();

    private CpuSplit(Map<Long, Long> ticksAtStart) {
        this.ticksAtStart = ticksAtStart;
    }

    static CpuSplit start() {
        return new CpuSplit(ticks(new HashMap<>()));
    }

    /** CPU seconds by group since {@link #start()}, and the wall-clock seconds they were spent in. */
    record Split(Map<String, Double> cpuSeconds, double wallSeconds) {

        /** One line per group: CPU seconds, share of one core, and per {@code unit} of work done. */
        String describe(long units, String unit) {
            StringBuilder out = new StringBuilder(String.format("CPU over %.1f s (one core = 100 %%):%n", wallSeconds));
            double total = 0;
            for (Map.Entry<String, Double> group : cpuSeconds.entrySet()) {
                total += group.getValue();
                out.append(line(group.getKey(), group.getValue(), units, unit));
            }
            return out.append(line("all", total, units, unit)).toString();
        }

        private String line(String group, double seconds, long units, String unit) {
            return String.format("  %-22s %7.1f s  %5.0f %%  %6.2f ms per %s%n", group, seconds,
                    100 * seconds / wallSeconds, units > 0 ? 1000 * seconds / units : 0.0, unit);
        }
    }

    Split stop() {
        Map<String, String> groups = new HashMap<>();
        Map<Long, Long> now = ticks(groups);
        Map<String, Double> seconds = new TreeMap<>();
        now.forEach((pid, ticks) -> {
            long spent = ticks - ticksAtStart.getOrDefault(pid, 0L);
            if (spent > 0) {
                seconds.merge(groups.get(pid.toString()), spent / TICKS_PER_SECOND, Double::sum);
            }
        });
        return new Split(seconds, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Every process's ticks now; {@code groups} gets each one's group by pid, as text. */
    private static Map<Long, Long> ticks(Map<String, String> groups) {
        Map<Long, Long> ticks = new HashMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(proc -> {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    // fields after the command's closing parenthesis: state is the 3rd, utime the 14th, stime the 15th
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(proc.getFileName().toString());
                    ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    groups.put(Long.toString(pid), pid == self ? "bench (this process)" : group(proc));
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("no /proc to read CPU times from", e);
        }
        return ticks;
    }

    private static String group(Path proc) throws IOException {
        String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        Matcher service = SERVICE_JAR.matcher(cmd);
        if (service.find()) {
            return service.group(1);
        }
        if (cmd.startsWith("postgres") || cmd.contains("/postgres ") || cmd.contains("bin/postgres")) {
            return "postgresql";
        }
        if (cmd.contains("kafka.Kafka") || cmd.contains("kafka-server")) {
            return "kafka";
        }
        if (cmd.contains("keycloak")) {
            return "keycloak";
        }
        if (cmd.contains("greenmail")) {
            return "smtp (greenmail)";
        }
        return "other";
    }
}
