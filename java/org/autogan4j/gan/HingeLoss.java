package org.autogan4j.gan;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.HingeKind;
import org.autogan4j.tensor.Tensor;

/**
 * The hinge loss of spec 3 in its three pieces: REAL mean(relu(1 - D(x))), FAKE mean(relu(1 +
 * D(G(z)))) (their sum is L_D) and GEN -mean(D(G(z))) (L_G). Owns its loss and gradient buffers.
 */
public final class HingeLoss implements AutoCloseable {
    private final Tensor loss;
    private Tensor dScores;

    public HingeLoss(Device device) {
        this.loss = Tensor.zeros(device, 1);
    }

    /** scores (n,1) -> the loss value (copied to the host). */
    public float forward(Tensor scores, HingeKind kind) {
        scores.backend().hingeLossForward(scores, loss, kind);
        return loss.toArray()[0];
    }

    /** scores (n,1) -> d loss / d scores (n,1), this object's buffer. */
    public Tensor backward(Tensor scores, HingeKind kind) {
        if (dScores == null || !dScores.shape().equals(scores.shape())) {
            if (dScores != null) {
                dScores.close();
            }
            dScores = Tensor.empty(scores.device(), scores.shape());
        }
        scores.backend().hingeLossBackward(scores, dScores, kind);
        return dScores;
    }

    @Override
    public void close() {
        loss.close();
        if (dScores != null) {
            dScores.close();
        }
    }
}
