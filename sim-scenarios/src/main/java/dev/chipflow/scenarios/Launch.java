package dev.chipflow.scenarios;

/** Builds the command lines the scenario classes' {@code main} methods pass to the CLI. */
final class Launch {

    private Launch() {
    }

    static String[] args(String command, String name, String[] more) {
        return concat(new String[] {command, name}, more);
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
