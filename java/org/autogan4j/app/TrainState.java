// Everything a train checkpoint holds besides its tensors, as one typed record that RecordJson writes
// into the sidecar and reads back: the elapsed time, the length of metrics.csv, the data stream's
// position, the best FID so far and its G step (null and -1 before a finite one), whether the run
// ended there, and DerivedTraining's own state (steps, z stream, loss sums, trainer counters).
package org.autogan4j.app;

import org.autogan4j.gan.DerivedTraining;

record TrainState(double elapsedS, long metricsLength, long dataEpoch, int dataBatch, Double bestFid, long bestStep,
        boolean finished, DerivedTraining.State training) {
}
