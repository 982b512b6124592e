// The Fashion-MNIST scorer: Inception does not fit 1-channel 28x28 clothing, so IS and FID for
// Fashion-MNIST use this small CNN, trained by autogan4j itself (ScorerTraining, `autogan4j train-scorer`).
// Images x (n, 1, 32, 32) in [-1, 1] (what the generators output and the data layer gives) go through
// three blocks conv3x3-BN-ReLU-avgpool2 (1->32->64->128 channels, 32x32 -> 4x4), a flatten and
// Linear(2048->128)-ReLU to the 128 penultimate features (FID), then Linear(128->10) to logits, whose
// softmax gives the class probabilities (IS). Scoring runs in eval mode (BatchNorm's running statistics).
package org.autogan4j.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.data.Dataset;
import org.autogan4j.io.SafeTensors;
import org.autogan4j.nn.AvgPool2d;
import org.autogan4j.nn.BatchNorm2d;
import org.autogan4j.nn.Conv2d;
import org.autogan4j.nn.Linear;
import org.autogan4j.nn.Module;
import org.autogan4j.nn.ReLU;
import org.autogan4j.nn.Sequential;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.tensor.UpsampleMode;

public final class FashionScorer extends Module implements Scorer {
    /** Image side and channels the scorer takes. */
    public static final int SIZE = 32;
    public static final int CHANNELS = 1;
    /** The ten Fashion-MNIST classes. */
    public static final int CLASSES = 10;
    /** Channels of the three convolutions. */
    public static final int[] WIDTHS = {32, 64, 128};
    /** The penultimate features' dimension (FID's). */
    public static final int FEATURES = 128;
    /** The committed weights: models/ at the repository root, which the jar carries at its root. */
    public static final String DEFAULT_NAME = "fmnist-scorer.safetensors";
    /** Images per forward when scoring a whole data set. */
    public static final int EVAL_BATCH = 500;

    private final Sequential body;
    private final Linear classifier;
    private Tensor resized;

    public FashionScorer(Device device) {
        super(device);
        body = addChild("features", new Sequential(device,
                new Conv2d(device, CHANNELS, WIDTHS[0], 3, 1, true), new BatchNorm2d(device, WIDTHS[0]), new ReLU(device),
                new AvgPool2d(device),
                new Conv2d(device, WIDTHS[0], WIDTHS[1], 3, 1, true), new BatchNorm2d(device, WIDTHS[1]), new ReLU(device),
                new AvgPool2d(device),
                new Conv2d(device, WIDTHS[1], WIDTHS[2], 3, 1, true), new BatchNorm2d(device, WIDTHS[2]), new ReLU(device),
                new AvgPool2d(device), new Flatten(device),
                new Linear(device, WIDTHS[2] * (SIZE / 8) * (SIZE / 8), FEATURES, true), new ReLU(device)));
        classifier = addChild("classifier", new Linear(device, FEATURES, CLASSES, true));
    }

    /** x (n, 1, 32, 32) -> logits (n, 10), this module's scratch (train or eval mode as set). */
    public Tensor logits(Tensor x) {
        checkImages(x);
        return classifier.forward(body.forward(x));
    }

    /** dLogits (n, 10) back through the network after {@link #logits}; parameter gradients +=. */
    public void backward(Tensor dLogits) {
        body.backward(classifier.backward(dLogits));
    }

    /** Class probabilities (n, 10) row-major of images x (n, 1, 32, 32), in eval mode. */
    public float[] probabilities(Tensor x) {
        checkImages(x);
        return score(x, Outputs.PROBABILITIES).probabilities();
    }

    /** Penultimate features (n, 128) row-major of images x (n, 1, 32, 32), in eval mode. */
    public float[] features(Tensor x) {
        checkImages(x);
        return score(x, Outputs.FEATURES).features();
    }

    @Override
    public String name() {
        return "fmnist-scorer";
    }

    /** Its features are its own, comparable only with FIDs of this scorer: the mode is its name. */
    @Override
    public String fidMode() {
        return name();
    }

    @Override
    public int channels() {
        return CHANNELS;
    }

    @Override
    public int classes() {
        return CLASSES;
    }

    @Override
    public int featureDim() {
        return FEATURES;
    }

    /**
     * Probabilities and features (both, whatever outputs asks: one forward gives them) of images
     * (n, 1, h, w) in [-1, 1]; other sizes are resized bilinearly to 32x32.
     */
    @Override
    public Scores score(Tensor images, Outputs outputs) {
        train(false);
        Tensor x = toScorerSize(images);
        Tensor features = body.forward(x);
        float[] p = classifier.forward(features).toArray();
        for (int row = 0; row < p.length; row += CLASSES) {
            softmaxRow(p, row);
        }
        return new Scores(x.dim(0), p, features.toArray());
    }

    /** uint8 images as the data layer turns them into floats ((p / 255 - 0.5) / 0.5), then scored. */
    @Override
    public Scores score(Uint8Batch images, Outputs outputs) {
        try (Tensor x = Tensor.of(device, images.toSignedRange(), images.n(), images.channels(), images.height(),
                images.width())) {
            return score(x, outputs);
        }
    }

    private Tensor toScorerSize(Tensor images) {
        if (images.shape().dims().length != 4 || images.dim(1) != CHANNELS) {
            throw new IllegalArgumentException("the Fashion-MNIST scorer takes 1-channel images (n, 1, h, w) in [-1, 1]; "
                    + "got " + images.shape());
        }
        if (images.dim(2) == SIZE && images.dim(3) == SIZE) {
            return images;
        }
        int n = images.dim(0);
        if (resized == null || resized.dim(0) != n) {
            if (resized != null) {
                resized.close();
            }
            resized = Tensor.empty(device, n, CHANNELS, SIZE, SIZE);
        }
        images.backend().upsampleForward(images, resized, UpsampleMode.BILINEAR);
        return resized;
    }

    @Override
    public void close() {
        if (resized != null) {
            resized.close();
            resized = null;
        }
        super.close();
    }

    /** Class probabilities (size, 10) of every image of data. */
    public float[] probabilities(Dataset data) {
        return overBatches(data, CLASSES, this::probabilities);
    }

    /** Features (size, 128) of every image of data. */
    public float[] features(Dataset data) {
        return overBatches(data, FEATURES, this::features);
    }

    /** The fraction of data's images whose most probable class is their label. */
    public double accuracy(Dataset data) {
        float[] p = probabilities(data);
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            int argmax = 0;
            for (int k = 1; k < CLASSES; k++) {
                if (p[i * CLASSES + k] > p[i * CLASSES + argmax]) {
                    argmax = k;
                }
            }
            correct += argmax == data.label(i) ? 1 : 0;
        }
        return (double) correct / data.size();
    }

    /** Parameters and BatchNorm buffers by name: what the weights file holds. */
    public Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> state.put(name, p.value()));
        state.putAll(namedBuffers());
        return state;
    }

    /** Writes the weights to file (safetensors, atomically) with metadata. */
    public void save(Path file, Map<String, String> metadata) throws IOException {
        SafeTensors.write(file, state(), metadata);
    }

    /** Loads weights written by {@link #save}. */
    public void load(Path file) throws IOException {
        SafeTensors.readInto(file, state());
    }

    /** The committed scorer: models/fmnist-scorer.safetensors from the working directory or the classpath. */
    public static FashionScorer loadDefault(Device device) throws IOException {
        FashionScorer scorer = new FashionScorer(device);
        try {
            Path local = Path.of("models", DEFAULT_NAME);
            if (Files.isRegularFile(local)) {
                scorer.load(local);
                return scorer;
            }
            try (InputStream in = FashionScorer.class.getResourceAsStream("/" + DEFAULT_NAME)) {
                if (in == null) {
                    throw new IOException("the Fashion-MNIST scorer weights " + DEFAULT_NAME + " are neither in ./models"
                            + " nor on the classpath; train them with `java -jar autogan4j.jar train-scorer --output models/fmnist-scorer.safetensors`");
                }
                Path temp = Files.createTempFile("fmnist-scorer", ".safetensors");
                try {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    scorer.load(temp);
                } finally {
                    Files.delete(temp);
                }
            }
            return scorer;
        } catch (IOException | RuntimeException e) {
            scorer.close();
            throw e;
        }
    }

    private interface BatchFunction {
        float[] apply(Tensor x);
    }

    private float[] overBatches(Dataset data, int width, BatchFunction f) {
        if (data.channels() != CHANNELS || data.height() != SIZE || data.width() != SIZE) {
            throw new IllegalArgumentException("the Fashion-MNIST scorer takes 1x32x32 images; " + data.name() + " has "
                    + data.channels() + "x" + data.height() + "x" + data.width());
        }
        int n = data.size();
        float[] out = new float[n * width];
        int imageSize = data.imageSize();
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int rows = Math.min(EVAL_BATCH, n - from);
            float[] pixels = new float[rows * imageSize];
            for (int i = 0; i < rows; i++) {
                data.copyImage(from + i, pixels, i * imageSize);
            }
            try (Tensor x = Tensor.of(device, pixels, rows, CHANNELS, SIZE, SIZE)) {
                System.arraycopy(f.apply(x), 0, out, from * width, rows * width);
            }
        }
        return out;
    }

    private static void checkImages(Tensor x) {
        if (x.shape().dims().length != 4 || x.dim(1) != CHANNELS || x.dim(2) != SIZE || x.dim(3) != SIZE) {
            throw new IllegalArgumentException("the Fashion-MNIST scorer takes images (n, 1, 32, 32) in [-1, 1]; got "
                    + x.shape() + " (pad 28x28 images to 32x32, as the data layer does)");
        }
    }

    private static void softmaxRow(float[] p, int row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CLASSES; k++) {
            max = Math.max(max, p[row + k]);
        }
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
            sum += Math.exp(p[row + k] - max);
        }
        for (int k = 0; k < CLASSES; k++) {
            p[row + k] = (float) (Math.exp(p[row + k] - max) / sum);
        }
    }
}
