// A JVM tool that uses the kernel artifact alone (autogan4j-kernels + JavaCPP on its class path): a
// 3x3 convolution of ones by ones with zero padding on the CPU, printing the sums of the output's
// corner, edge and centre pixels, which are 4, 6 and 9 times the channel count.
import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class KernelsConsumer {
    public static void main(String[] args) {
        int channels = 3;
        Backend ops = Device.CPU.backend();
        try (Tensor x = Tensor.empty(Device.CPU, 1, channels, 5, 5);
             Tensor weight = Tensor.empty(Device.CPU, 1, channels, 3, 3);
             Tensor y = Tensor.empty(Device.CPU, 1, 1, 5, 5)) {
            ops.fill(x, 1f);
            ops.fill(weight, 1f);
            ops.conv2dForward(x, weight, null, y, 1, 1, 1, 1);
            float[] out = y.toArray();
            System.out.println("corner " + out[0] + " edge " + out[2] + " centre " + out[12]);
        }
    }
}
