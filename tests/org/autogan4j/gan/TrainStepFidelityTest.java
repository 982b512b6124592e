// THE fidelity test of the GAN layer against PyTorch: for each of the 12 cases made by
// tools/make_gan_fixtures.py (4 architectures covering every token value x stages 0-2), build the
// shared generator and the discriminator at the contract's config, load the contract's initial
// values, run one training iteration (D step, then G step, Adam, EMA) and compare the losses and
// every stored gradient, parameter and buffer with PyTorch's.
package org.autogan4j.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeSet;

import org.autogan4j.nn.Parameter;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainStepFidelityTest {
    /** The bound: float32 sums in another order than PyTorch's, through ~20 layers and D's Adam step.
     *  It applies to each element and, as a floor, to the tensor's largest magnitude: a sum's
     *  rounding scales with its terms, so a small element of a gradient (l1's, after three cells
     *  of BN/IN) carries the error of the large ones (seen: 2e-5 of the largest). */
    private static final double REL = 1e-4;
    /** Floor for values that are 0 up to float32 rounding on both sides (a conv bias feeding a
     *  BatchNorm has an exact gradient of 0; PyTorch stores ~1e-7 noise there). */
    private static final double ABS = 1e-5;
    /** The contract's config: 1 channel, latent 8, gf 8, df 8, bottom width 4, dis_bs 4, gen_bs 6. */
    static final GanConfig CONFIG = new GanConfig(1, 8, 8, 8, 4, 4, 6, 5, 2e-4f, 0f, 0.9f, 0.999f, false);

    @ParameterizedTest
    @ValueSource(strings = {"arch1_stage0", "arch1_stage1", "arch1_stage2", "arch2_stage0", "arch2_stage1",
            "arch2_stage2", "arch3_stage0", "arch3_stage1", "arch3_stage2", "arch4_stage0", "arch4_stage1",
            "arch4_stage2"})
    void oneIterationMatchesPyTorch(String name) {
        Fixture f = Fixture.load("gan/" + name);
        int[] codes = new int[14];
        for (int i = 0; i < 14; i++) {
            codes[i] = f.integer("arch" + i);
        }
        int stage = f.integer("stage");
        try (SharedGenerator g = new SharedGenerator(CONFIG, Device.CPU, new Rng(1));
                Discriminator d = new Discriminator(CONFIG, Device.CPU, new Rng(2));
                Tensors t = new Tensors()) {
            ContractInit.apply(g);
            ContractInit.apply(d);
            g.setArch(Architecture.of(codes), stage);
            d.setStage(stage);
            try (GanTrainer trainer = new GanTrainer(CONFIG, g, d, new Rng(3))) {
                float dLoss = trainer.dStep(t.of(f.values("real"), f.dims("real")), t.of(f.values("zD"), f.dims("zD")));
                assertClose(f, "dLoss", new float[] {dLoss});
                Map<String, Parameter> dParams = d.namedParameters();
                dParams.forEach((n, p) -> assertClose(f, "dgrad." + n, p.grad().toArray()));
                float gLoss = trainer.gStep(t.of(f.values("zG"), f.dims("zG")));
                assertClose(f, "gLoss", new float[] {gLoss});
                d.namedBuffers().forEach((n, b) -> {
                    if (n.endsWith(".weight_u")) {
                        assertClose(f, "dbuf." + n, b.toArray());
                    }
                });
                checkGenerator(f, g);
            }
        }
    }

    /** ggrad for exactly the used parameters; gbuf for the used BN layers. */
    private static void checkGenerator(Fixture f, SharedGenerator g) {
        TreeSet<String> used = new TreeSet<>();
        TreeSet<String> expected = new TreeSet<>();
        for (String entry : f.names()) {
            if (entry.startsWith("ggrad.")) {
                expected.add(entry.substring("ggrad.".length()));
            }
        }
        g.namedParameters().forEach((n, p) -> {
            if (p.hasGrad()) {
                used.add(n);
                assertClose(f, "ggrad." + n, p.grad().toArray());
            }
        });
        assertEquals(expected, used, "the parameters this architecture and stage use");
        g.namedBuffers().forEach((n, b) -> {
            if (f.has("gbuf." + n)) {
                assertClose(f, "gbuf." + n, b.toArray());
            }
        });
        for (String entry : f.names()) {
            if (entry.startsWith("gbuf.")) {
                assertEquals(true, g.namedBuffers().containsKey(entry.substring(5)), entry + " exists in Java");
            }
        }
    }

    private static void assertClose(Fixture f, String entry, float[] actual) {
        float[] expected = f.values(entry);
        Tensors.assertClose(expected, actual, REL, ABS + REL * maxAbs(expected), name(f) + " " + entry);
    }

    private static String name(Fixture f) {
        StringBuilder arch = new StringBuilder("arch ");
        for (int i = 0; i < 14; i++) {
            arch.append(i == 0 ? "" : ",").append(f.integer("arch" + i));
        }
        return arch + " stage " + f.integer("stage");
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
