package dev.chipflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.experiment.Paired;
import dev.chipflow.random.RandomStreams;
import dev.chipflow.scenarios.NamedScenarios;
import dev.chipflow.supply.Scenario;
import dev.chipflow.supply.SupplyModel;
import dev.chipflow.supply.SupplyResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What travels to the executors and back, without Spark: every named scenario, and results bit for bit. */
class ShippingTest {

    @Test
    void everyNamedScenarioTravelsAsItsKnobsAndComesBackEqual() throws Exception {
        for (String name : NamedScenarios.scenarioNames()) {
            Scenario s = NamedScenarios.get(name);
            ScenarioSpec spec = ScenarioSpec.of(s);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(spec);
            }
            ScenarioSpec copy = (ScenarioSpec) ResultCodec.javaObject(new ByteArrayInputStream(bytes.toByteArray()));
            Scenario rebuilt = copy.scenario();
            assertNotSame(s, rebuilt, name);
            assertEquals(s, rebuilt, name);
        }
    }

    @Test
    void aResultComesBackBitForBitWithoutItsTrace() {
        // Nothing is delivered to JD and Others: their lead times are NaN, which must stay NaN.
        Scenario s = NamedScenarios.get("orders-placed");
        SupplyResult traced = SupplyModel.run(s, RandomStreams.forReplication(3, 1), true);
        assertFalse(traced.trace().isEmpty());
        byte[] bytes = ResultCodec.encode(traced);
        SupplyResult back = (SupplyResult) ResultCodec.decode(bytes);
        assertTrue(back.trace().isEmpty(), "the per-event trace never travels");
        assertTrue(Double.isNaN(back.firm("JD").leadTimeMean()));
        Identical.result(traced, back, "orders-placed");
        // The summary is a few kilobytes (the daily series as runs of equal values), whatever the number of events.
        assertTrue(bytes.length < 10_000, bytes.length + " bytes");
    }

    @Test
    void serializableResultsTravelByJavaSerialization() {
        List<Integer> list = new java.util.ArrayList<>(List.of(1, 2, 3));
        assertEquals(list, ResultCodec.decode(ResultCodec.encode(list)));
        assertEquals(0.1 + 0.2, ResultCodec.decode(ResultCodec.encode(0.1 + 0.2)));
    }

    @Test
    void aPairOfResultsComesBackBitForBitEachAsItsOwnClass() {
        Scenario a = NamedScenarios.get(NamedScenarios.HISTORICAL);
        Scenario b = NamedScenarios.get(NamedScenarios.PERMITS_JULY);
        Paired.Results<SupplyResult> pair = new Paired<>(SupplyModel.replication(a), SupplyModel.replication(b))
                .run(RandomStreams.forReplication(3, 1));
        @SuppressWarnings("unchecked")
        Paired.Results<SupplyResult> back = (Paired.Results<SupplyResult>) ResultCodec.decode(
                ResultCodec.encode(pair));
        Identical.result(pair.a(), back.a(), "a");
        Identical.result(pair.b(), back.b(), "b");
        // Results of another type: each half travels by Java serialization.
        Paired.Results<Double> doubles = new Paired.Results<>(0.1 + 0.2, Double.NaN);
        assertEquals(doubles, ResultCodec.decode(ResultCodec.encode(doubles)));
    }
}
