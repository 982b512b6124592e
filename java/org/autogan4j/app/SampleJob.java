// `autogan4j sample` as a job: a PNG grid (8 per row, 2-pixel border) of n samples of a checkpoint's
// EMA generator, from z ~ N(0, I) drawn with seed, the generator in eval mode. The count, the output
// name and the checkpoint are checked before anything is generated.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.gan.Generator;
import org.autogan4j.io.ImageGrid;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class SampleJob {
    /** What was written: n samples of arch (the checkpoint's G step) to out. */
    public record Written(int n, String arch, long gStep, Path out) {
    }

    private SampleJob() {
    }

    public static Written run(Path checkpoint, Path out, int n, long seed, String device) throws IOException {
        SettingChecks.count("--n", n, 1, SettingChecks.MAX_SAMPLES);
        if (!out.getFileName().toString().endsWith(".png")) {
            throw new IllegalArgumentException("--out must name a .png file, got " + out);
        }
        GeneratorCheckpoint.Sidecar info = GeneratorCheckpoint.read(checkpoint);
        Device on = DeviceChoice.resolve(device);
        try (Generator generator = GeneratorCheckpoint.load(checkpoint, info, on);
                Tensor z = Tensor.empty(on, n, info.config().latentDim())) {
            new Rng(seed).normal(z, 0f, 1f);
            ImageGrid.write(out, generator.forward(z));
        }
        return new Written(n, info.arch(), info.gStep(), out);
    }
}
