package dev.chipflow.supply;

import java.time.LocalDate;
import java.util.List;

/**
 * The firms of the 2026 record (docs/record-2026.md). Orders total the reported 2,000,000 units; how they split among
 * firms is an assumption beyond ByteDance's 20,000-unit trial order and the ">200,000 each" signalled by Alibaba and
 * ByteDance. The first batch of 400,000 approved units is split in equal thirds (assumption); DeepSeek's conditional
 * approval amount is unknown (40,000 assumed). {@code Others} stands for the firms still in China's queue: ordered,
 * not yet approved.
 */
public final class DefaultFirms {

    private DefaultFirms() {
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** @return ByteDance, Alibaba, Tencent, DeepSeek, JD (JD.com) and Others, in that order */
    public static List<Firm> all() {
        return List.of(
                new Firm("ByteDance",
                        List.of(new Order(d("2026-01-01"), 20_000), new Order(d("2026-01-24"), 280_000)),
                        List.of(new Approval(d("2026-01-28"), 133_333, true)), 0),
                new Firm("Alibaba",
                        List.of(new Order(d("2026-01-24"), 300_000)),
                        List.of(new Approval(d("2026-01-28"), 133_333, true)), 1),
                new Firm("Tencent",
                        List.of(new Order(d("2026-01-24"), 250_000)),
                        List.of(new Approval(d("2026-01-28"), 133_334, true)), 2),
                new Firm("DeepSeek",
                        List.of(new Order(d("2026-01-30"), 150_000)),
                        List.of(new Approval(d("2026-01-30"), 40_000, true)), 3),
                // Cleared by the US around 2026-05-14 (Reuters via The Decoder, M); no Chinese approval reported; its
                // order is an assumption, taken out of the queue's million.
                new Firm("JD",
                        List.of(new Order(d("2026-01-24"), 100_000)),
                        List.of(), 4),
                new Firm("Others",
                        List.of(new Order(d("2026-01-24"), 900_000)),
                        List.of(), 5));
    }
}
