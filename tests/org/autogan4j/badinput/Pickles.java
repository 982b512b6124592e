// Writes small protocol-2 pickles opcode by opcode, as torch.save lays out a state_dict (a dict of
// tensors rebuilt by torch._utils._rebuild_tensor_v2 from a persistent storage id), so that tests
// can state exactly which sizes, strides or opcodes a hostile .pth file holds.
package org.autogan4j.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

final class Pickles {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Pickles() {
        out.write(0x80);
        out.write(2);
    }

    Pickles op(int opcode) {
        out.write(opcode);
        return this;
    }

    /** BINUNICODE s. */
    Pickles str(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
        out.writeBytes(bytes);
        return this;
    }

    /** LONG1 of 8 bytes (any long). */
    Pickles integer(long v) {
        out.write(0x8a);
        out.write(8);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        return this;
    }

    /** GLOBAL module.name. */
    Pickles global(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A float32 tensor over storage key of numel elements, as _rebuild_tensor_v2 gets it. */
    Pickles tensor(String key, long numel, long offset, long[] shape, long[] strides) {
        global("torch._utils", "_rebuild_tensor_v2").op('(');
        op('(').str("storage").global("torch", "FloatStorage").str(key).str("cpu").integer(numel).op('t').op('Q');
        integer(offset).op('(');
        for (long d : shape) {
            integer(d);
        }
        op('t').op('(');
        for (long s : strides) {
            integer(s);
        }
        op('t').op(0x89).global("collections", "OrderedDict").op(')').op('R').op('t').op('R');
        return this;
    }

    /** The pickle, ended by STOP. */
    byte[] stop() {
        out.write('.');
        return out.toByteArray();
    }
}
