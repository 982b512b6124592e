// The generator checkpoints `train` writes (best.safetensors, last.safetensors) and `eval` / `sample`
// read: the EMA weights with the live BN buffers, under the original's state_dict names, and a sidecar
// (best.json, last.json, also inside the .safetensors) with what rebuilding the generator and
// repeating its evaluation needs: architecture and where it came from, every GanConfig number, dataset,
// image size, steps, the evaluation's images, batch, splits, seed, reference statistics and KID
// reference features, and the IS, FID (with its mode) and KID it measured (null where not finite). The
// sidecar is one record (Sidecar) written and read by RecordJson.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.autogan4j.data.Datasets;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.Generator;
import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.CheckpointException;
import org.autogan4j.metrics.Evaluation;
import org.autogan4j.metrics.Kid;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;

final class GeneratorCheckpoint {
    /** The sidecar's "format" value. */
    static final String FORMAT = "autogan4j-generator-2";

    private GeneratorCheckpoint() {
    }

    /**
     * How an evaluation was run: n images scored in batches, IS splits, z seed, the reference statistics
     * file and the KID reference features file (ReferenceFeatures).
     */
    record EvalSettings(int images, int batch, int splits, long seed, String stats, String kidFeatures) {
    }

    /** A checkpoint's sidecar. */
    record Sidecar(String format, String weights, String arch, String archSource, String dataset, int imageSize,
            GanConfig config, long dStep, long gStep, Double isMean, Double isStd, Double fid, String fidMode,
            Double kidMean, Double kidStd, EvalSettings eval) {
        Architecture architecture() {
            return Architecture.parse(arch);
        }

        Datasets datasets() {
            return Datasets.byName(dataset);
        }
    }

    /** Saves generator's current weights (the EMA ones when called inside withEma), from archSource, and the sidecar. */
    static void save(Path file, Generator generator, String archSource, Datasets dataset, long dStep, long gStep,
            EvalSettings eval, Evaluation figures) throws IOException {
        Kid.Result kid = figures.kid();
        Sidecar sidecar = new Sidecar(FORMAT, "ema", generator.arch().toString(), archSource, dataset.id(),
                generator.config().resolution(2), generator.config(), dStep, gStep,
                finiteOrNull(figures.inceptionScore().mean()), finiteOrNull(figures.inceptionScore().std()),
                finiteOrNull(figures.fid().value()), figures.fid().mode(), kid == null ? null : finiteOrNull(kid.mean()),
                kid == null ? null : finiteOrNull(kid.std()), eval);
        Checkpoint.save(file, generator.stateDict(), RecordJson.write(sidecar));
    }

    /** JSON has no NaN or infinity: a measurement that is not finite is written as null. */
    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The checkpoint path names: itself, or in a train run folder its best.safetensors, else its last.safetensors. */
    static Path locate(Path path) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        for (String name : new String[] {"best.safetensors", "last.safetensors"}) {
            if (Files.isRegularFile(path.resolve(name))) {
                return path.resolve(name);
            }
        }
        throw new IllegalArgumentException(path + " holds no best.safetensors or last.safetensors: give a train run "
                + "folder after its first evaluation, or a checkpoint file");
    }

    /** Reads the sidecar of file, checking that it is a generator checkpoint written by train. */
    static Sidecar read(Path file) throws IOException {
        var json = Checkpoint.readSidecar(file);
        Object format = json.get("format");
        if (format instanceof String f && f.startsWith("autogan4j-generator") && !f.equals(FORMAT)) {
            throw new CheckpointException(file, "was written by another autogan4j version (format " + f + "; this one "
                    + "reads " + FORMAT + "): evaluate it with that version, or train it again");
        }
        if (!FORMAT.equals(format)) {
            throw new CheckpointException(file, "is not a generator checkpoint written by `autogan4j train` (its "
                    + "sidecar has format " + format + ", expected " + FORMAT + ")");
        }
        try {
            Sidecar sidecar = RecordJson.read(Sidecar.class, json);
            sidecar.architecture();
            sidecar.datasets();
            GanConfig c = sidecar.config();
            SettingChecks.count("config.latent_dim", c.latentDim(), 1, SettingChecks.MAX_WIDTH);
            SettingChecks.count("config.gf_dim", c.gfDim(), 1, SettingChecks.MAX_WIDTH);
            SettingChecks.count("config.df_dim", c.dfDim(), 1, SettingChecks.MAX_WIDTH);
            SettingChecks.count("config.bottom_width", c.bottomWidth(), 1, Datasets.STL10.fullSize() / 8);
            return sidecar;
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, "its sidecar is damaged: " + e.getMessage(), e);
        }
    }

    /** A generator rebuilt from sidecar with file's weights (names and shapes checked first), on device, in eval mode. */
    static Generator load(Path file, Sidecar sidecar, Device device) throws IOException {
        Generator generator = new Generator(sidecar.config(), sidecar.architecture(), device, new Rng(0));
        try {
            Checkpoint.readInto(file, generator.stateDict());
        } catch (IOException | RuntimeException ex) {
            generator.close();
            throw ex;
        }
        generator.train(false);
        return generator;
    }
}
