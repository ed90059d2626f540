package dev.chipflow.scenarios;

import dev.chipflow.supply.Scenario;
import java.util.function.Supplier;

/**
 * A scenario with a name the command line knows ({@code chipflow run NAME}).
 *
 * @param name        e.g. {@code historical-2026}
 * @param description one line for {@code chipflow list}
 * @param factory     builds the scenario (cheap; called on each use)
 */
public record NamedScenario(String name, String description, Supplier<Scenario> factory) {

    /** @return the scenario */
    public Scenario scenario() {
        return factory.get();
    }
}
