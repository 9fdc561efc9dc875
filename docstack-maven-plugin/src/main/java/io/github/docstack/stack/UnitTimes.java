package io.github.docstack.stack;

import io.github.docstack.files.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How long each unit of a stack took, from its turn (what it waits for ready or done) to ready or done, at its
 * quickest since its image last changed: what {@link CpuPriority} plans the cores with. The quickest, because a
 * unit that yielded the CPU took longer than it needs, and planning with that time would have it yield less next
 * time, then more. Kept in {@code .docstack/<stack>.times} beside the stack's state directory, so that removing the
 * stack's data and secrets keeps them: they say nothing about either.
 */
final class UnitTimes {

    private record Time(double seconds, String version) {}

    private final Path file;
    private final Map<String, Time> times; // unit id -> its quickest time with that image

    private UnitTimes(Path file, Map<String, Time> times) {
        this.file = file;
        this.times = times;
    }

    /** The times of the deployment's stack; none when it never came up here, or its file cannot be read. */
    static UnitTimes of(Deployment deployment) {
        Path file = deployment.stateDirectory().resolveSibling(deployment.stack() + ".times");
        Map<String, Time> times = new HashMap<>();
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            saved.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return new UnitTimes(file, times); // a plan by unit counts is as good as a first up gets
        }
        for (String unit : saved.stringPropertyNames()) {
            String[] value = saved.getProperty(unit).trim().split("\\s+");
            try {
                if (value.length == 2) {
                    times.put(unit, new Time(Double.parseDouble(value[0]), value[1]));
                }
            } catch (NumberFormatException e) {
                // a line edited by hand: that unit is timed again
            }
        }
        return new UnitTimes(file, times);
    }

    /**
     * The unit's quickest time, in seconds, unless its image changed since (or it never ran here). Not its secrets,
     * which a stack made anew after its data was removed gets anew, and which do not change what it does.
     */
    Optional<Double> seconds(Deployment.Unit unit) {
        Time time = times.get(unit.id());
        return time != null && time.version().equals(unit.version()) ? Optional.of(time.seconds()) : Optional.empty();
    }

    /** The unit took {@code seconds} this time: kept if it is its first time with this image, or its quickest. */
    void record(Deployment.Unit unit, double seconds) {
        Optional<Double> known = seconds(unit);
        if (known.isEmpty() || seconds < known.get()) {
            times.put(unit.id(), new Time(seconds, unit.version()));
        }
    }

    /** Writes the times, whole or not at all. */
    void save() throws IOException {
        Properties saved = new Properties();
        times.forEach((unit, time) ->
                saved.setProperty(unit, String.format(Locale.ROOT, "%.2f %s", time.seconds(), time.version())));
        StringWriter text = new StringWriter();
        saved.store(text, "each unit's quickest time from its turn to ready or done, and the version of what it runs");
        PrivateFiles.write(file, text.toString(), false);
    }

    Path file() {
        return file;
    }
}
