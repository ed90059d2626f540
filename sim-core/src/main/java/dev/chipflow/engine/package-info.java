/**
 * The discrete-event engine: a clock in days, an event list behind the small {@link dev.chipflow.engine.EventList}
 * interface ({@link dev.chipflow.engine.LadderEventList} by default, {@link dev.chipflow.engine.HeapEventList} as the
 * simple alternative), and the run loop of {@link dev.chipflow.engine.Simulator}. It knows nothing of chips.
 *
 * <p>Events are (time, handler, int argument) triples. Handlers are objects created once (a stage, a queue), so
 * scheduling an event allocates nothing; the int argument names the entity (a shipment index, a server).
 */
package dev.chipflow.engine;
