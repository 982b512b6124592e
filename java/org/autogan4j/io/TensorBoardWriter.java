// TensorBoard event files (`--tensorboard`): scalars and PNG images as Event protos in TFRecord
// framing (length, masked CRC-32C of the length, data, masked CRC-32C of the data), the format
// TensorBoard reads from events.out.tfevents.* files. Each writer starts a new file beginning with
// the file_version event; a resumed run adds another file to the same folder, which TensorBoard
// reads as one run. Events are appended and flushed to the operating system after each call.
package org.autogan4j.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.DoubleSupplier;
import java.util.zip.CRC32C;

public final class TensorBoardWriter implements AutoCloseable {
    /** The first event of every file. */
    public static final String FILE_VERSION = "brain.Event:2";

    private final Path file;
    private final FileChannel channel;
    private final DoubleSupplier clock;

    private TensorBoardWriter(Path file, FileChannel channel, DoubleSupplier clock) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
    }

    /** A new event file in dir (created if missing), stamped with the wall clock. */
    public static TensorBoardWriter open(Path dir) throws IOException {
        return open(dir, () -> System.currentTimeMillis() / 1000.0);
    }

    /** As {@link #open(Path)}, with clock giving every event's wall time in seconds. */
    public static TensorBoardWriter open(Path dir, DoubleSupplier clock) throws IOException {
        Files.createDirectories(dir);
        double now = clock.getAsDouble();
        Path file = null;
        FileChannel channel = null;
        for (int attempt = 0; channel == null; attempt++) {
            file = dir.resolve("events.out.tfevents." + (long) now + "." + host() + (attempt == 0 ? "" : "." + attempt));
            if (!Files.exists(file)) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        }
        TensorBoardWriter writer = new TensorBoardWriter(file, channel, clock);
        writer.append(new ProtoBytes().fixedDouble(1, now).string(3, FILE_VERSION));
        return writer;
    }

    public Path file() {
        return file;
    }

    /** One scalar per tag at step; tags and values pair up by index. */
    public void scalars(long step, String[] tags, double[] values) throws IOException {
        if (tags.length != values.length) {
            throw new IllegalArgumentException(tags.length + " tags for " + values.length + " values");
        }
        ProtoBytes summary = new ProtoBytes();
        for (int i = 0; i < tags.length; i++) {
            summary.message(1, new ProtoBytes().string(1, tags[i]).fixedFloat(2, (float) values[i]));
        }
        event(step, summary);
    }

    public void scalar(long step, String tag, double value) throws IOException {
        scalars(step, new String[] {tag}, new double[] {value});
    }

    /** An image at step: png, the PNG file's bytes, height x width with 1 (gray), 3 (RGB) or 4 channels. */
    public void image(long step, String tag, byte[] png, int height, int width, int channels) throws IOException {
        ProtoBytes image = new ProtoBytes().varint(1, height).varint(2, width).varint(3, channels).bytes(4, png);
        event(step, new ProtoBytes().message(1, new ProtoBytes().string(1, tag).message(4, image)));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void event(long step, ProtoBytes summary) throws IOException {
        append(new ProtoBytes().fixedDouble(1, clock.getAsDouble()).varint(2, step).message(5, summary));
    }

    /** Frames event as one TFRecord and appends it. */
    private void append(ProtoBytes event) throws IOException {
        byte[] data = event.toByteArray();
        ByteBuffer record = ByteBuffer.allocate(data.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(data.length);
        record.putInt(maskedCrc(record.array(), 0, 8));
        record.put(data);
        record.putInt(maskedCrc(data, 0, data.length));
        record.flip();
        while (record.hasRemaining()) {
            channel.write(record);
        }
    }

    /** TFRecord's masked CRC-32C (Castagnoli) of bytes[offset, offset + length). */
    static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + 0xA282EAD8;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
        } catch (IOException e) {
            return "localhost";
        }
    }
}
