// FID and KID between two sets of images, each a folder (ImageFolder) or, for FID, an .npz of statistics
// in TTUR's layout, and the statistics of one folder: what `autogan4j fid` runs, the way pytorch-fid's
// command does. A folder's images are scored in batches of consecutive images of one size (any sizes
// may mix), in the scorer's FID mode. Inputs are checked before any image is scored, so a wrong path,
// an .npz without mu and sigma or of another dimension, or KID asked of an .npz fail at once.
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.autogan4j.tensor.Device;

public final class FolderScoring {
    /** FID (and KID, or null) between a and b, with the image count of each side (-1 for an .npz). */
    public record Comparison(Fid.Result fid, Kid.Result kid, int countA, int countB) {
    }

    /** Settings of KID: subsets of subsetSize rows, numpy seed. */
    public record KidSettings(int subsets, int subsetSize, long seed) {
    }

    /** One input, checked: a folder's image files, or the statistics of an .npz. */
    public record Input(Path path, List<Path> images, FidStatistics statistics) {
        public boolean isFolder() {
            return images != null;
        }
    }

    private FolderScoring() {
    }

    /** path as an input of featureDim-d features; kid requires a folder. */
    public static Input check(Path path, int featureDim, boolean kid) throws IOException {
        if (Files.isDirectory(path)) {
            return new Input(path, ImageFolder.list(path), null);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + " does not exist; give a folder of images or an .npz of FID statistics");
        }
        if (!path.getFileName().toString().endsWith(".npz")) {
            throw new IOException(path + " is neither a folder of images nor an .npz of FID statistics");
        }
        if (kid) {
            throw new IllegalArgumentException("KID needs the images of both sets, but " + path + " holds only FID "
                    + "statistics (mu, sigma); give the image folder instead or leave out --kid");
        }
        FidStatistics statistics = FidStatistics.load(path);
        if (statistics.dim() != featureDim) {
            throw new IllegalArgumentException(path + " holds " + statistics.dim() + "-d statistics but the Inception "
                    + "features are " + featureDim + "-d; make them with pytorch-fid's default 2048-d pool3 layer");
        }
        return new Input(path, null, statistics);
    }

    /** The statistics (and rows when keepRows) of every image of folder, in batches of up to batch images. */
    public static Reference features(List<Path> images, Scorer scorer, int batch, boolean keepRows,
            GeneratorScoring.Progress progress) throws IOException {
        FeatureStatistics statistics = new FeatureStatistics(scorer.featureDim());
        FeatureRows rows = keepRows ? new FeatureRows(scorer.featureDim()) : null;
        List<Uint8Batch> pending = new ArrayList<>();
        int done = 0;
        for (Path file : images) {
            Uint8Batch image = ImageFolder.read(file);
            if (!pending.isEmpty() && (pending.size() == batch || image.height() != pending.get(0).height()
                    || image.width() != pending.get(0).width())) {
                done += flush(pending, scorer, statistics, rows);
                progress.done(done, images.size());
            }
            pending.add(image);
        }
        done += flush(pending, scorer, statistics, rows);
        progress.done(done, images.size());
        if (statistics.count() < 2) {
            throw new IllegalArgumentException("FID needs at least 2 images per set (a covariance); got "
                    + statistics.count());
        }
        return new Reference(statistics.toFidStatistics(), rows);
    }

    private static int flush(List<Uint8Batch> pending, Scorer scorer, FeatureStatistics statistics, FeatureRows rows) {
        int n = pending.size();
        Uint8Batch first = pending.get(0);
        int size = first.imageSize();
        byte[] pixels = new byte[n * size];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pending.get(i).pixels(), 0, pixels, i * size, size);
        }
        float[] features = scorer.score(new Uint8Batch(n, first.channels(), first.height(), first.width(), pixels),
                Scorer.Outputs.FEATURES).features();
        statistics.add(features, n);
        if (rows != null) {
            rows.add(features, n);
        }
        pending.clear();
        return n;
    }

    /** FID between a and b (and KID between two folders when kid is not null), features from scorer. */
    public static Comparison compare(Input a, Input b, Scorer scorer, int batch, KidSettings kid, Device device,
            GeneratorScoring.Progress progress) throws IOException {
        Reference left = a.isFolder() ? features(a.images(), scorer, batch, kid != null, progress)
                : Reference.of(a.statistics());
        Reference right = b.isFolder() ? features(b.images(), scorer, batch, kid != null, progress)
                : Reference.of(b.statistics());
        Fid.Result fid = new Fid.Result(Fid.distance(left.statistics(), right.statistics()), scorer.fidMode());
        Kid.Result kidResult = kid == null ? null
                : Kid.compute(left.features(), right.features(), kid.subsets(), kid.subsetSize(), kid.seed(), device);
        return new Comparison(fid, kidResult, a.isFolder() ? a.images().size() : -1,
                b.isFolder() ? b.images().size() : -1);
    }
}
