// Compression bombs made in a moment: a raw deflate stream of some leading bytes and then
// gigabytes of zeros, built by repeating one independently compressed 1 MiB chunk (each ends on a
// byte boundary with a sync flush, so copies concatenate into one valid stream), wrapped as a gzip
// file or as a single-entry zip archive. A 3 GiB bomb takes about 3 MB and no time to write.
package org.autogan4j.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

final class Bombs {
    private static final int CHUNK = 1 << 20;
    /** A final, empty block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block. */
    private static final byte[] FINAL_BLOCK = {0x03, 0x00};

    private Bombs() {
    }

    /** Raw deflate data of head followed by about zeroMiB MiB of zero bytes. */
    static byte[] deflate(byte[] head, int zeroMiB) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(flushed(head));
        byte[] zeros = flushed(new byte[CHUNK]);
        for (int i = 0; i < zeroMiB; i++) {
            out.writeBytes(zeros);
        }
        out.writeBytes(FINAL_BLOCK);
        return out.toByteArray();
    }

    /** A gzip file around raw deflate data (its trailer's CRC and size are never reached). */
    static byte[] gzip(byte[] deflated) {
        ByteBuffer out = ByteBuffer.allocate(10 + deflated.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}).put(deflated).putInt(0).putInt(0);
        return out.array();
    }

    /** A zip archive of one deflated entry name holding raw deflate data; its declared size is 1 KiB. */
    static byte[] zip(String name, byte[] deflated) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(30 + n.length + deflated.length + 46 + n.length + 22)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0).putInt(0)
                .putInt(deflated.length).putInt(1024).putShort((short) n.length).putShort((short) 0).put(n)
                .put(deflated);
        int directory = out.position();
        out.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                .putInt(0).putInt(0).putInt(deflated.length).putInt(1024).putShort((short) n.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0)
                .put(n);
        int directoryBytes = out.position() - directory;
        out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(directoryBytes).putInt(directory).putShort((short) 0);
        return out.array();
    }

    private static byte[] flushed(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        byte[] buffer = new byte[data.length + 1024];
        int length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }
}
