// `autogan4j fid A B`: FID (and with --kid, KID) between two folders of images (PNG or JPEG, any size,
// grey or RGB) or a folder and an .npz of FID statistics (TTUR's layout, as pytorch-fid writes them), the
// way pytorch-fid's command is called; `autogan4j fid --save-stats FOLDER OUT.npz` writes the statistics
// of a folder. --mode picks the convention of the Inception features (pytorch-fid, clean, tf1; see
// docs/scoring.md), and every FID printed or written carries it. Inputs are checked before the network
// loads, so a wrong path or file fails at once with one line.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.autogan4j.app.FidJob;


import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fid", mixinStandardHelpOptions = true,
        description = {"FID (and KID) between two image folders, or a folder and an .npz of statistics, as "
                + "pytorch-fid computes it: autogan4j fid A B.",
            "The FID statistics of a folder: autogan4j fid --save-stats FOLDER OUT.npz."})
final class FidCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "A folder of images or an .npz of statistics "
            + "(with --save-stats: the folder).")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "A folder of images or an .npz of statistics "
            + "(with --save-stats: the .npz to write).")
    Path second;

    @Option(names = "--save-stats", description = "Write the statistics of the folder (A) to the .npz "
            + "(B) instead of comparing.")
    boolean saveStats;

    @Option(names = "--mode", defaultValue = "pytorch-fid", description = "Convention of the Inception features: "
            + "pytorch-fid, clean or tf1 (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--kid", description = "Also the KID (torch-fidelity's estimator; both inputs must be folders).")
    boolean kid;

    @Option(names = "--kid-subsets", defaultValue = "100", description = "KID subsets (default: ${DEFAULT-VALUE}).")
    int kidSubsets;

    @Option(names = "--kid-subset-size", defaultValue = "1000",
            description = "Images per KID subset (default: ${DEFAULT-VALUE}).")
    int kidSubsetSize;

    @Option(names = "--batch", defaultValue = "50", description = "Images per forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--json", description = "Also write the figures to this JSON file.")
    Path json;

    @Option(names = "--inception-weights", description = "pytorch-fid's pt_inception-2015-12-05-6726825d.pth "
            + "(default: -Dautogan4j.inception.weights, else ~/.cache/autogan4j/).")
    Path inceptionWeights;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE}).")
    String device;

    @Mixin
    OutputOptions messages;

    @Override
    public Integer call() throws IOException {
        FidJob.Outcome o = FidJob.run(new FidJob.Request(first, second, saveStats, mode, kid, kidSubsets, kidSubsetSize,
                batch, json, inceptionWeights, device), messages.log());
        if (saveStats) {
            System.out.printf("FID statistics (%s) of %d images of %s written to %s%n", o.fidMode(), o.savedImages(),
                    first, second);
            return 0;
        }
        System.out.println(o.fidLine());
        if (o.kidLine() != null) {
            System.out.println(o.kidLine());
        }
        return 0;
    }
}
