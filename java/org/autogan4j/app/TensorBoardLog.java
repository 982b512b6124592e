// `--tensorboard`: the scalars and sample grids of a search or train run as TensorBoard event files in
// RUN_DIR/tensorboard (io.TensorBoardWriter; `tensorboard --logdir RUN_DIR/tensorboard` shows them).
// Each process opens a new event file, so a resumed run appends one beside the earlier ones; steps it
// repeats after its checkpoint are written again with the same values, and TensorBoard keeps the newer
// ones. Off, every call does nothing.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.autogan4j.io.ImageGrid;
import org.autogan4j.io.TensorBoardWriter;

final class TensorBoardLog implements AutoCloseable {
    /** The folder under the run directory. */
    static final String FOLDER = "tensorboard";

    private final TensorBoardWriter writer;

    private TensorBoardLog(TensorBoardWriter writer) {
        this.writer = writer;
    }

    /** A new event file in runDir/tensorboard when on, else a log that writes nothing. */
    static TensorBoardLog open(Path runDir, boolean on) throws IOException {
        return new TensorBoardLog(on ? TensorBoardWriter.open(runDir.resolve(FOLDER)) : null);
    }

    /** values[i] of tags[i] at step; null and NaN values (not applicable) are left out. */
    void scalars(long step, String[] tags, Double... values) throws IOException {
        if (writer == null) {
            return;
        }
        List<String> present = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        for (int i = 0; i < tags.length; i++) {
            if (values[i] != null && !values[i].isNaN()) {
                present.add(tags[i]);
                numbers.add(values[i]);
            }
        }
        if (!present.isEmpty()) {
            writer.scalars(step, present.toArray(new String[0]), numbers.stream().mapToDouble(Double::doubleValue)
                    .toArray());
        }
    }

    /** A sample grid at step. */
    void image(long step, String tag, ImageGrid.Encoded grid) throws IOException {
        if (writer != null) {
            writer.image(step, tag, grid.png(), grid.height(), grid.width(), grid.channels());
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
