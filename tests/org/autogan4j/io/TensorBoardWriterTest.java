// TensorBoard event files: the bytes equal those the protobuf library writes for the same events
// (tests/resources/fixtures/tensorboard/events.golden, made by tools/make_tensorboard_fixture.py), and a
// file read back record by record, with both CRCs of every record checked, holds the events written.
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.zip.CRC32C;

import org.autogan4j.testing.TensorBoardEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardWriterTest {
    @TempDir
    Path dir;

    /** Writes the golden file's three events with its wall times. */
    private Path writeGoldenEvents() throws IOException {
        Iterator<Double> times = List.of(1700000000.25, 1700000001.5, 1700000002.0).iterator();
        try (TensorBoardWriter w = TensorBoardWriter.open(dir, times::next)) {
            w.scalars(42, new String[] {"loss/d", "loss/g"}, new double[] {0.75, -1.25});
            w.image(43, "samples", new byte[] {0, 1, 2, 3, 4, 5, 6}, 2, 3, 1);
            return w.file();
        }
    }

    @Test
    void theBytesAreTheProtobufLibrarysBytes() throws IOException {
        Path file = writeGoldenEvents();
        assertTrue(file.getFileName().toString().startsWith("events.out.tfevents.1700000000."), file.toString());
        try (InputStream golden = getClass().getResourceAsStream("/fixtures/tensorboard/events.golden")) {
            assertArrayEquals(golden.readAllBytes(), Files.readAllBytes(file));
        }
    }

    @Test
    void aFileReadBackWithItsCrcsCheckedHoldsTheEvents() throws IOException {
        Path file = writeGoldenEvents();
        List<byte[]> records = records(Files.readAllBytes(file));
        assertEquals(3, records.size());
        assertEquals(TensorBoardWriter.FILE_VERSION, new String(field(records.get(0), 3), StandardCharsets.UTF_8));
        byte[] summary = field(records.get(1), 5);
        List<byte[]> values = fields(summary, 1);
        assertEquals("loss/d", new String(field(values.get(0), 1), StandardCharsets.UTF_8));
        assertEquals(0.75f, ByteBuffer.wrap(field(values.get(0), 2)).order(ByteOrder.LITTLE_ENDIAN).getFloat());
        assertEquals(-1.25f, ByteBuffer.wrap(field(values.get(1), 2)).order(ByteOrder.LITTLE_ENDIAN).getFloat());
        byte[] image = field(fields(field(records.get(2), 5), 1).get(0), 4);
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6}, field(image, 4));
    }

    @Test
    void theReaderCatchesADamagedRecord() throws IOException {
        byte[] bytes = Files.readAllBytes(writeGoldenEvents());
        bytes[20] ^= 1;
        assertThrows(IllegalStateException.class, () -> records(bytes));
    }

    @Test
    void theCrcIsCastagnolisAndTheMaskTfRecords() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        CRC32C crc = new CRC32C();
        crc.update(check);
        assertEquals(0xE3069283L, crc.getValue(), "the standard CRC-32C check value");
        int c = 0xE3069283;
        assertEquals(((c >>> 15) | (c << 17)) + 0xA282EAD8, TensorBoardWriter.maskedCrc(check, 0, check.length));
    }

    private static List<byte[]> records(byte[] bytes) {
        return TensorBoardEvents.records(bytes);
    }

    /** The raw value of the first field number of message (bytes of a length-delimited or fixed field). */
    private static byte[] field(byte[] message, int number) {
        return fields(message, number).get(0);
    }

    private static List<byte[]> fields(byte[] message, int number) {
        List<byte[]> found = TensorBoardEvents.fields(message, number);
        assertTrue(!found.isEmpty(), "no field " + number);
        return found;
    }
}
