package dev.chipflow.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chipflow.supply.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The outputs an analysis reads: their names, order and day indices, derived from the calendar by hand. */
class SensitivityOutputsTest {

    private static final LocalDate MID = LocalDate.of(2026, 6, 30);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);
    private static final String CAP = "system.capBindingShare";

    /**
     * The builder's scenario: six firms, horizon 2026-12-31. Day 0 is 2026-01-01, so 2026-06-30 is day
     * 31 + 28 + 31 + 30 + 31 + 29 = 180 (January to May in full, then 29 more days) and 2026-12-31 is day 364 (2026
     * has 365 days). Per date: all firms first, then the six firms in scenario order, 7 outputs; two dates make 14,
     * and the scalar output comes last, the 15th.
     */
    @Test
    void perDateAllFirmsThenEachFirmThenTheScalars() {
        Scenario s = Scenario.builder().build();
        SensitivityOutputs out = SensitivityOutputs.of(s, List.of(MID, END), List.of(CAP), Set.of(CAP));
        assertEquals(15, out.size());
        assertTrue(out.perFirm());
        assertEquals(new SensitivityOutputs.Output("all.deliveredBy2026-06-30",
                "units delivered by 2026-06-30, all firms", -1, 180, true), out.outputs().get(0));
        String first = s.firms().get(0).name();
        assertEquals(new SensitivityOutputs.Output(first + ".deliveredBy2026-06-30",
                "units delivered by 2026-06-30, " + first, 0, 180, false), out.outputs().get(1));
        assertEquals(new SensitivityOutputs.Output("all.deliveredBy2026-12-31",
                "units delivered by 2026-12-31, all firms", -1, 364, true), out.outputs().get(7));
        assertEquals(5, out.outputs().get(13).firm(), "the sixth firm by the second date");
        assertEquals(new SensitivityOutputs.Output(CAP, CAP, -1, -1, true), out.outputs().get(14));
    }

    /** A date outside 2026-01-01 .. horizon end, a date twice, an unknown scalar or a scalar twice is refused. */
    @Test
    void refusesWhatIsNotAnOutputOfTheRun() {
        Scenario s = Scenario.builder().build();
        assertThrows(IllegalArgumentException.class, () -> SensitivityOutputs.of(s, List.of(), List.of(), Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> SensitivityOutputs.of(s, List.of(LocalDate.of(2025, 12, 31)), List.of(), Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> SensitivityOutputs.of(s, List.of(LocalDate.of(2027, 1, 1)), List.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> SensitivityOutputs.of(s, List.of(MID, MID), List.of(),
                Set.of()));
        assertThrows(IllegalArgumentException.class, () -> SensitivityOutputs.of(s, List.of(END), List.of(CAP),
                Set.of()));
        assertThrows(IllegalArgumentException.class, () -> SensitivityOutputs.of(s, List.of(END), List.of(CAP, CAP),
                Set.of(CAP)));
    }
}
