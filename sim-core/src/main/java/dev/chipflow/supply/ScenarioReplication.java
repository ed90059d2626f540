package dev.chipflow.supply;

import dev.chipflow.experiment.Replication;
import dev.chipflow.random.RandomStreams;

/**
 * A replication of the supply model for one scenario, as {@link SupplyModel#replication(Scenario)} makes it. It is a
 * record rather than a lambda so that an engine that runs replications in other processes (Apache Spark) can see which
 * scenario it runs and ship that, rather than an opaque function.
 *
 * @param scenario the scenario every replication runs
 */
public record ScenarioReplication(Scenario scenario) implements Replication<SupplyResult> {

    @Override
    public SupplyResult run(RandomStreams streams) {
        return SupplyModel.run(scenario, streams);
    }
}
