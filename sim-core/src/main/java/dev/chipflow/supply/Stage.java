package dev.chipflow.supply;

/**
 * Where a shipment is: each stage of the pipeline of docs/model.md at which units can wait, in pipeline order, then
 * {@link #DELIVERED}. Attribution names the stage in which a unit waited longest.
 */
public enum Stage {
    /** Ordered; waiting for China to approve the firm's quantity. */
    APPROVAL("china-approval", "Waiting for Chinese approval of the firm's quantity"),
    /** Approved; waiting for the NDRC to make the approval's conditions final. */
    CONDITIONS("ndrc-conditions", "Approved, waiting for NDRC conditions to become final"),
    /** Conditions final; not (yet) turned into a purchase order (conversion share and delay). */
    CONVERSION("conversion", "Approved and final, not yet converted into a purchase order"),
    /** Converted; waiting to buy the domestic chips the quota requires. */
    DOMESTIC_QUOTA("domestic-quota", "Waiting for domestic chips to meet the purchase quota"),
    /** Purchase order beyond what the US per-firm cap or total ceiling leaves: never allocated inventory. */
    LICENCE_LIMIT("us-licence-limit", "Purchase order beyond the US per-firm cap or total ceiling"),
    /** Purchase order placed; waiting for Nvidia inventory or production. */
    ALLOCATION("nvidia-allocation", "Purchase order waiting for Nvidia supply"),
    /** Allocated; waiting for the US licence review (refusals are resubmitted). */
    LICENCE("us-licence", "Allocated, waiting for the US licence review"),
    /** Licensed; waiting for room under the China/US shipment cap. */
    CAP("us-cap", "Licensed, waiting for room under the export cap"),
    /** Waiting for a line at the third-party test lab in the US. */
    LAB_QUEUE("lab-queue", "Waiting for a line at the US test lab"),
    /** Being tested in a lot (including retests after a failure). */
    LAB_TEST("lab-test", "Under third-party test"),
    /** In transit from the US lab to China. */
    TRANSIT("transit", "In transit to China"),
    /** At Chinese customs: clearance delay and block windows. */
    CUSTOMS("china-customs", "At Chinese customs"),
    /** Delivered to the firm. */
    DELIVERED("delivered", "Delivered");

    private final String label;
    private final String description;

    Stage(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** @return a short lower-case name for reports and CSV headers */
    public String label() {
        return label;
    }

    /** @return a sentence for reports */
    public String description() {
        return description;
    }

    /** The stages at which units can wait (every stage but {@link #DELIVERED}). */
    public static final int WAITING_STAGES = DELIVERED.ordinal();

    private static final Stage[] ALL = values();

    /** @return the stage of that ordinal */
    public static Stage of(int ordinal) {
        return ALL[ordinal];
    }
}
