// A minimal protocol-buffers encoder (proto3 wire format) for the few messages autogan4j writes
// (TensorBoard's Event and Summary): fields are appended in the caller's order, which is field-number
// order, and a field holding its type's default (0, "", empty) is left out, as proto3 encoders do.
package org.autogan4j.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

public final class ProtoBytes {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ProtoBytes varint(int field, long value) {
        if (value != 0) {
            key(field, VARINT);
            raw(value);
        }
        return this;
    }

    public ProtoBytes fixedDouble(int field, double value) {
        if (value != 0) {
            key(field, FIXED64);
            little(Double.doubleToRawLongBits(value), 8);
        }
        return this;
    }

    public ProtoBytes fixedFloat(int field, float value) {
        if (value != 0) {
            key(field, FIXED32);
            little(Float.floatToRawIntBits(value), 4);
        }
        return this;
    }

    public ProtoBytes string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoBytes bytes(int field, byte[] value) {
        if (value.length > 0) {
            key(field, LENGTH_DELIMITED);
            raw(value.length);
            out.writeBytes(value);
        }
        return this;
    }

    /** A nested message, written even when empty (a present sub-message is not a default). */
    public ProtoBytes message(int field, ProtoBytes value) {
        byte[] bytes = value.toByteArray();
        key(field, LENGTH_DELIMITED);
        raw(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void key(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void little(long bits, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (bits >>> (8 * i)) & 0xFF);
        }
    }
}
