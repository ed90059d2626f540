package dev.chipflow.cli;

import dev.chipflow.experiment.Progress;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for runs that take a while. In {@code auto} mode the bar appears only when the console is
 * a terminal and the run is still going after {@link #DELAY_MILLIS}; {@code always} shows it from the start;
 * {@code never} not at all. Nothing is written to stdout, so tables and CI logs are unaffected.
 */
final class ProgressReporter implements Progress, AutoCloseable {

    /** When to show the bar. */
    enum Mode {
        /** Only on a terminal and after a couple of seconds. */
        AUTO,
        /** Always, from the start. */
        ALWAYS,
        /** Never. */
        NEVER
    }

    static final long DELAY_MILLIS = 2000;
    /** Characters the bar takes at most (the terminal's width is not always known). */
    static final int WIDTH = 100;

    private final String task;
    private final String unit;
    private final PrintStream err;
    private final boolean enabled;
    private ScheduledExecutorService timer;
    private ProgressBar bar;
    private int done;
    private int total;
    private boolean closed;

    ProgressReporter(Mode mode, String task, PrintStream err) {
        this(mode, task, err, " replications");
    }

    /** @param unit what the bar counts, e.g. {@code " model runs"} */
    ProgressReporter(Mode mode, String task, PrintStream err, String unit) {
        this.task = task;
        this.unit = unit;
        this.err = err;
        this.enabled = switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> System.console() != null && err == System.err;
        };
        if (enabled) {
            if (mode == Mode.ALWAYS) {
                synchronized (this) {
                    show();
                }
            } else {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "chipflow-progress");
                    t.setDaemon(true);
                    return t;
                });
                timer.schedule(() -> {
                    synchronized (this) {
                        show();
                    }
                }, DELAY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Sets the number of replications expected (known once the command has built its scenarios). */
    synchronized void expect(int replications) {
        total = replications;
        if (bar != null) {
            bar.maxHint(replications);
        }
    }

    @Override
    public synchronized void advanced(int finished, int all) {
        done = finished;
        total = all;
        if (bar != null) {
            bar.maxHint(all);
            bar.stepTo(finished);
        }
    }

    private void show() {
        if (closed || bar != null || !enabled) {
            return;
        }
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(total, 1))
                .setStyle(ProgressBarStyle.ASCII).setUnit(unit, 1)
                .setConsumer(new ConsoleProgressBarConsumer(err, WIDTH)).setUpdateIntervalMillis(250)
                .build();
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (bar != null) {
            bar.stepTo(done);
            bar.close();
            bar = null;
        }
    }
}
