package org.autogan4j.testing;

// Reads TensorBoard event files back for tests, independently of io.TensorBoardWriter: TFRecord framing
// with both masked CRC-32C checked per record (a mismatch is an IllegalStateException), then the Event
// protos (wall_time 1, step 2, file_version 3, summary 5) and their Summary.Value entries (tag 1,
// simple_value 2, image 4: height 1, width 2, colorspace 3, encoded PNG 4).

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

public final class TensorBoardEvents {
    /** One summary value: a scalar (png null) or an image (simple NaN). */
    public record Value(String tag, float simple, byte[] png, int height, int width, int channels) {
    }

    /** One event: the file_version record has no values; the others have no file version. */
    public record Event(double wallTime, long step, String fileVersion, List<Value> values) {
    }

    private TensorBoardEvents() {
    }

    /** The events.out.tfevents.* files of folder, in name order. */
    public static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).sorted().toList();
        }
    }

    /** Every event of file, CRCs checked. */
    public static List<Event> read(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        for (byte[] record : records(Files.readAllBytes(file))) {
            out.add(event(record));
        }
        return out;
    }

    /** The data of every TFRecord in bytes; fails on a CRC that does not match. */
    public static List<byte[]> records(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> out = new ArrayList<>();
        while (in.hasRemaining()) {
            int start = in.position();
            long length = in.getLong();
            check(maskedCrc(bytes, start, 8), in.getInt(), "length");
            byte[] data = new byte[(int) length];
            in.get(data);
            check(maskedCrc(data, 0, data.length), in.getInt(), "data");
            out.add(data);
        }
        return out;
    }

    /** The raw values of field number in message (8 bytes big-endian for a varint). */
    public static List<byte[]> fields(byte[] message, int number) {
        List<byte[]> found = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(message);
        while (in.hasRemaining()) {
            long key = varint(in);
            int type = (int) (key & 7);
            byte[] value;
            if (type == 0) {
                value = ByteBuffer.allocate(8).putLong(varint(in)).array();
            } else {
                value = new byte[type == 1 ? 8 : type == 5 ? 4 : (int) varint(in)];
                in.get(value);
            }
            if (key >>> 3 == number) {
                found.add(value);
            }
        }
        return found;
    }

    private static Event event(byte[] record) {
        List<byte[]> time = fields(record, 1);
        List<byte[]> step = fields(record, 2);
        List<byte[]> version = fields(record, 3);
        List<Value> values = new ArrayList<>();
        for (byte[] summary : fields(record, 5)) {
            for (byte[] v : fields(summary, 1)) {
                String tag = new String(fields(v, 1).get(0), StandardCharsets.UTF_8);
                List<byte[]> simple = fields(v, 2);
                List<byte[]> image = fields(v, 4);
                if (image.isEmpty()) {
                    values.add(new Value(tag, ByteBuffer.wrap(simple.get(0)).order(ByteOrder.LITTLE_ENDIAN).getFloat(),
                            null, 0, 0, 0));
                } else {
                    byte[] im = image.get(0);
                    values.add(new Value(tag, Float.NaN, fields(im, 4).get(0), (int) number(fields(im, 1)),
                            (int) number(fields(im, 2)), (int) number(fields(im, 3))));
                }
            }
        }
        return new Event(ByteBuffer.wrap(time.get(0)).order(ByteOrder.LITTLE_ENDIAN).getDouble(), number(step),
                version.isEmpty() ? null : new String(version.get(0), StandardCharsets.UTF_8), values);
    }

    private static long number(List<byte[]> varint) {
        return varint.isEmpty() ? 0 : ByteBuffer.wrap(varint.get(0)).getLong();
    }

    private static void check(int expected, int found, String what) {
        if (expected != found) {
            throw new IllegalStateException("the " + what + " CRC of a record does not match");
        }
    }

    /** TFRecord's masked CRC-32C. */
    private static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + 0xA282EAD8;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0;; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }
}
