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
 * Progress on stderr for runs that take a while: a bar on a terminal, a line every {@link #LINE_EVERY_MILLIS} when
 * stderr goes to a file or a pipe. In {@code auto} mode it appears only once the run has gone on for
 * {@link #DELAY_MILLIS}; {@code always} shows it from the start; {@code never} not at all. After the replications it
 * names the phase (summarising, writing the report), so that a long run never looks stuck. Nothing is written to
 * stdout, so tables and CI logs are unaffected.
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
    /** How often a line is printed when stderr is not a terminal. */
    static final long LINE_EVERY_MILLIS = 10_000;
    /** Characters the bar takes at most (the terminal's width is not always known). */
    static final int WIDTH = 100;

    private final String task;
    private final String unit;
    private final PrintStream err;
    private final boolean enabled;
    /** Lines instead of a bar: stderr is not a terminal. */
    private final boolean lines;
    private boolean shown;
    private String phase = "";
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
        this(mode, task, err, unit, DELAY_MILLIS, LINE_EVERY_MILLIS);
    }

    /** With other delays, for tests. */
    ProgressReporter(Mode mode, String task, PrintStream err, String unit, long delayMillis, long lineEveryMillis) {
        this.task = task;
        this.unit = unit;
        this.err = err;
        this.enabled = mode != Mode.NEVER;
        this.lines = !(System.console() != null && err == System.err) && mode == Mode.AUTO;
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
                if (lines) {
                    timer.scheduleAtFixedRate(() -> {
                        synchronized (this) {
                            line();
                        }
                    }, delayMillis, lineEveryMillis, TimeUnit.MILLISECONDS);
                } else {
                    timer.schedule(() -> {
                        synchronized (this) {
                            show();
                        }
                    }, delayMillis, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /**
     * Names what the command does after the replications (e.g. "summarising", "writing the report").
     *
     * @param what the phase, in a few words
     */
    synchronized void phase(String what) {
        phase = what;
        if (bar != null) {
            bar.setExtraMessage(" " + what);
        } else if (lines && shown) {
            line();
        }
    }

    private void line() {
        if (closed) {
            return;
        }
        shown = true;
        int pct = total == 0 ? 0 : (int) (100L * done / total);
        err.println(task + ": " + done + " of " + total + unit + " (" + pct + "%)"
                + (phase.isEmpty() ? "" : ", " + phase));
        err.flush();
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
