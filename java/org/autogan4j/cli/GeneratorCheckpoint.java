// The generator checkpoints `train` writes (best.safetensors, last.safetensors) and `eval` / `sample`
// read: the EMA weights with the live BN buffers, under the original's state_dict names, and a sidecar
// (best.json, last.json, also inside the .safetensors) with what rebuilding the generator and
// repeating its evaluation needs: architecture, every GanConfig number, dataset, image size, steps, the
// evaluation's images, batch, splits, seed and reference statistics, and the IS and FID it measured.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.data.Datasets;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.Generator;
import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.CheckpointException;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;

final class GeneratorCheckpoint {
    /** The sidecar's "format" value. */
    static final String FORMAT = "autogan4j-generator";

    private GeneratorCheckpoint() {
    }

    /** How an evaluation was run: n images scored in batches, IS splits, z seed, the reference stats file. */
    record EvalSettings(int images, int batch, int splits, long seed, String stats) {
    }

    /** A checkpoint's sidecar, read back. */
    record Info(Architecture arch, GanConfig config, Datasets dataset, long dStep, long gStep, EvalSettings eval,
            Double isMean, Double isStd, Double fid) {
    }

    /** The GanConfig's numbers by name (JSON). */
    static Map<String, Object> configMap(GanConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("img_channels", c.imgChannels());
        m.put("latent_dim", c.latentDim());
        m.put("gf_dim", c.gfDim());
        m.put("df_dim", c.dfDim());
        m.put("bottom_width", c.bottomWidth());
        m.put("dis_batch_size", c.disBatchSize());
        m.put("gen_batch_size", c.genBatchSize());
        m.put("n_critic", c.nCritic());
        m.put("lr", c.lr());
        m.put("beta1", c.beta1());
        m.put("beta2", c.beta2());
        m.put("ema_decay", c.emaDecay());
        return m;
    }

    /** Saves generator's current weights (the EMA ones when called inside withEma) and the sidecar. */
    static void save(Path file, Generator generator, Datasets dataset, long dStep, long gStep, EvalSettings eval,
            double isMean, double isStd, double fid) throws IOException {
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("format", FORMAT);
        sidecar.put("weights", "ema");
        sidecar.put("arch", generator.arch().toString());
        sidecar.put("dataset", dataset.id());
        sidecar.put("image_size", generator.config().resolution(2));
        sidecar.put("config", configMap(generator.config()));
        sidecar.put("d_step", dStep);
        sidecar.put("g_step", gStep);
        sidecar.put("is_mean", finiteOrNull(isMean));
        sidecar.put("is_std", finiteOrNull(isStd));
        sidecar.put("fid", finiteOrNull(fid));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("images", eval.images());
        e.put("batch", eval.batch());
        e.put("splits", eval.splits());
        e.put("seed", eval.seed());
        e.put("stats", eval.stats());
        sidecar.put("eval", e);
        Checkpoint.save(file, generator.stateDict(), sidecar);
    }

    /** JSON has no NaN or infinity: those are written as null. */
    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Reads the sidecar of file, checking that it is a generator checkpoint written by train. */
    static Info read(Path file) throws IOException {
        Map<String, Object> s = Checkpoint.readSidecar(file);
        if (!FORMAT.equals(s.get("format"))) {
            throw new CheckpointException(file, "is not a generator checkpoint written by `autogan4j train` (its "
                    + "sidecar has format " + s.get("format") + ", expected " + FORMAT + ")");
        }
        Map<?, ?> c = map(file, s, "config");
        GanConfig config = new GanConfig(integer(file, c, "img_channels"), integer(file, c, "latent_dim"),
                integer(file, c, "gf_dim"), integer(file, c, "df_dim"), integer(file, c, "bottom_width"),
                integer(file, c, "dis_batch_size"), integer(file, c, "gen_batch_size"), integer(file, c, "n_critic"),
                (float) number(file, c, "lr"), (float) number(file, c, "beta1"), (float) number(file, c, "beta2"),
                (float) number(file, c, "ema_decay"));
        Map<?, ?> e = map(file, s, "eval");
        EvalSettings eval = new EvalSettings(integer(file, e, "images"), integer(file, e, "batch"),
                integer(file, e, "splits"), (long) number(file, e, "seed"), String.valueOf(e.get("stats")));
        return new Info(Architecture.parse(String.valueOf(s.get("arch"))), config,
                Datasets.byName(String.valueOf(s.get("dataset"))), (long) number(file, s, "d_step"),
                (long) number(file, s, "g_step"), eval, optional(s, "is_mean"), optional(s, "is_std"),
                optional(s, "fid"));
    }

    /** A generator rebuilt from info with file's weights, on device, in eval mode. */
    static Generator load(Path file, Info info, Device device) throws IOException {
        Generator generator = new Generator(info.config(), info.arch(), device, new Rng(0));
        try {
            Checkpoint.readInto(file, generator.stateDict());
        } catch (IOException | RuntimeException ex) {
            generator.close();
            throw ex;
        }
        generator.train(false);
        return generator;
    }

    private static Map<?, ?> map(Path file, Map<?, ?> m, String key) throws CheckpointException {
        Object v = m.get(key);
        if (!(v instanceof Map)) {
            throw new CheckpointException(file, "its sidecar lacks the object \"" + key + "\"");
        }
        return (Map<?, ?>) v;
    }

    private static double number(Path file, Map<?, ?> m, String key) throws CheckpointException {
        Object v = m.get(key);
        if (!(v instanceof Number)) {
            throw new CheckpointException(file, "its sidecar lacks the number \"" + key + "\"");
        }
        return ((Number) v).doubleValue();
    }

    private static int integer(Path file, Map<?, ?> m, String key) throws CheckpointException {
        return (int) number(file, m, key);
    }

    private static Double optional(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof Number ? ((Number) v).doubleValue() : null;
    }
}
