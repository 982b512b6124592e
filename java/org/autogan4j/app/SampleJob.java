// `autogan4j sample` as a job: a PNG grid (8 per row, 2-pixel border) of n samples of a checkpoint's
// EMA generator (a train run folder means its best.safetensors, else its last.safetensors), from
// z ~ N(0, I) drawn with seed, the generator in eval mode. The count, the output name and the
// checkpoint are checked before anything is generated.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.gan.Generator;
import org.autogan4j.io.ImageGrid;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class SampleJob {
    /** What was written: n samples of arch (from archSource; the checkpoint's G step) to out. */
    public record Written(int n, Path checkpoint, String arch, String archSource, long gStep, Path out) {
    }

    private SampleJob() {
    }

    public static Written run(Path checkpoint, Path out, int n, long seed, String device, Log log) throws IOException {
        SettingChecks.count("--n", n, 1, SettingChecks.MAX_SAMPLES);
        if (!out.getFileName().toString().endsWith(".png")) {
            throw new IllegalArgumentException("--out must name a .png file, got " + out);
        }
        Path file = GeneratorCheckpoint.locate(checkpoint);
        GeneratorCheckpoint.Sidecar info = GeneratorCheckpoint.read(file);
        Device on = DeviceChoice.resolve(device);
        log.info("sampling " + file + " (G step " + info.gStep() + "): architecture " + info.arch() + " ("
                + info.archSource() + ")");
        try (Generator generator = GeneratorCheckpoint.load(file, info, on);
                Tensor z = Tensor.empty(on, n, info.config().latentDim())) {
            new Rng(seed).normal(z, 0f, 1f);
            ImageGrid.write(out, generator.forward(z));
        }
        return new Written(n, file, info.arch(), info.archSource(), info.gStep(), out);
    }
}
