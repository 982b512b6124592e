// Everything a search checkpoint holds besides its tensors, as one typed record that RecordJson
// writes into the sidecar and reads back: the iteration done, the elapsed time, the length of
// metrics.csv, the position of every random stream, the data stream's position, the GAN trainer's
// counters, the dynamic-reset loss windows and the multi-level search (controller, parents, Adam).
package org.autogan4j.app;

import org.autogan4j.gan.GanTrainer;
import org.autogan4j.search.MultiLevelSearch;

record SearchState(int iteration, double elapsedS, long metricsLength, Rngs rng, Data data, GanTrainer.Counters gan,
        Windows reset, MultiLevelSearch.State mlas) {
    /** Offsets of the init, z and reward streams (Philox) and the controller stream's counter. */
    record Rngs(long init, long z, long reward, long ctrl) {
    }

    /** The real-data stream: its stage (-1 before the first) and the position (epoch, batches taken). */
    record Data(int stage, long epoch, int batch) {
    }

    /** The dynamic reset's d_loss and g_loss windows, oldest first. */
    record Windows(double[] d, double[] g) {
    }
}
