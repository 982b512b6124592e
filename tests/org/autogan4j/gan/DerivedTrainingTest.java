package org.autogan4j.gan;

// DerivedTraining counts in G steps: with n_critic 5 the G steps follow D steps 0, 5, 10, 15, so the
// reports of 4 G steps come at the D-step counts 1, 6, 11, 16; losses every logEvery G steps, an
// evaluation every evalEvery and after the last step. The evaluation sees the EMA weights: with EMA
// decay 1 they stay the initial weights, while the live weights (restored afterwards) have trained.
// A spent time budget makes the next G step the last one (reported and evaluated).

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.autogan4j.nn.Parameter;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DerivedTrainingTest {
    private static final GanConfig TINY = new GanConfig(1, 8, 8, 8, 4, 4, 4, 5, 2e-4f, 0f, 0.9f, 1f, false);

    @Test
    void reportsFollowGStepsAndEvaluationSeesTheEmaWeights() throws Exception {
        List<String> calls = new ArrayList<>();
        List<float[]> seen = new ArrayList<>();
        try (DerivedTraining training = new DerivedTraining(TINY, Architecture.TOP1, Device.CPU, 3);
                Tensor real = Tensor.empty(Device.CPU, 4, 1, 32, 32)) {
            new Rng(9).uniform(real, -1f, 1f);
            Parameter weight = training.generator().namedParameters().get("l1.weight");
            float[] initial = weight.value().toArray();
            Iterator<Tensor> data = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Tensor next() {
                    return real;
                }
            };
            training.run(data, 4, 3, 2, 0, new DerivedTraining.Listener() {
                @Override
                public void losses(long dStep, long gStep, double dLoss, double gLoss) {
                    assertTrue(Double.isFinite(dLoss) && Double.isFinite(gLoss));
                    calls.add("losses d" + dStep + " g" + gStep);
                }

                @Override
                public void evaluate(long dStep, long gStep) {
                    calls.add("evaluate d" + dStep + " g" + gStep);
                    seen.add(weight.value().toArray());
                }
            });
            assertEquals(List.of("losses d6 g2", "evaluate d11 g3", "losses d16 g4", "evaluate d16 g4"), calls);
            assertEquals(16, training.dSteps());
            assertEquals(4, training.gSteps());
            assertArrayEquals(initial, seen.get(0), "EMA with decay 1 keeps the initial weights");
            assertArrayEquals(initial, seen.get(1));
            assertFalse(Arrays.equals(initial, weight.value().toArray()), "the live weights trained and came back");
        }
    }

    @Test
    void aSpentTimeBudgetEndsTheRunAtTheNextGStepWithAnEvaluation() throws Exception {
        List<String> calls = new ArrayList<>();
        try (DerivedTraining training = new DerivedTraining(TINY, Architecture.TOP1, Device.CPU, 3);
                Tensor real = Tensor.empty(Device.CPU, 4, 1, 32, 32)) {
            new Rng(9).uniform(real, -1f, 1f);
            training.run(List.of(real, real, real).iterator(), 1000, 100, 100, 1e-9, new DerivedTraining.Listener() {
                @Override
                public void losses(long dStep, long gStep, double dLoss, double gLoss) {
                    calls.add("losses d" + dStep + " g" + gStep);
                }

                @Override
                public void evaluate(long dStep, long gStep) {
                    calls.add("evaluate d" + dStep + " g" + gStep);
                }
            });
            assertEquals(List.of("losses d1 g1", "evaluate d1 g1"), calls);
            assertEquals(1, training.gSteps());
        }
    }
}
