// Hostile .pth files, their pickles written opcode by opcode: forbidden globals and opcodes, floods
// of values and memo entries, dicts shared so that walking them would never end, storages and
// tensors whose sizes cannot be true, a pickle bomb. Each is a CheckpointException naming the file
// and the problem, raised before the claimed sizes are allocated.
package org.autogan4j.badinput;

import static org.autogan4j.badinput.BadInput.refused;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.autogan4j.io.CheckpointException;
import org.autogan4j.io.Limits;
import org.autogan4j.io.PthReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PthBadInputTest {
    @TempDir
    Path dir;

    /** A torch.save zip: archive/data.pkl = pickle, and archive/data/0 = storage0 when not null. */
    private Path pth(String name, byte[] pickle, byte[] storage0) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("archive/data.pkl"));
            out.write(pickle);
            out.closeEntry();
            if (storage0 != null) {
                out.putNextEntry(new ZipEntry("archive/data/0"));
                out.write(storage0);
                out.closeEntry();
            }
        }
        return Files.write(dir.resolve(name), zip.toByteArray());
    }

    private void refusedPth(Path file, String... parts) throws IOException {
        refused(CheckpointException.class, dir, file, () -> PthReader.read(file), parts);
    }

    @Test
    void stackGlobalOutsideTheAllowList() throws IOException {
        byte[] pickle = new Pickles().str("builtins").str("eval").op(0x93).str("1").op(0x85).op('R').stop();
        refusedPth(pth("eval.pth", pickle, null), "refusing global builtins.eval: .pth files may only hold tensors");
    }

    @Test
    void opcodeOutsideTheAllowList() throws IOException {
        byte[] pickle = new Pickles().op(0x8f).stop();
        refusedPth(pth("set.pth", pickle, null), "refusing pickle opcode 0x8f", "(pickle byte 2)");
    }

    @Test
    void floodOfValues() throws IOException {
        Pickles p = new Pickles();
        for (int i = 0; i <= Limits.PICKLE_VALUES; i++) {
            p.op(']');
        }
        refusedPth(pth("lists.pth", p.stop(), null), "the pickle builds more than 1048576 values");
    }

    @Test
    void floodOfMemoEntries() throws IOException {
        Pickles p = new Pickles().op('}');
        for (int i = 0; i <= Limits.PICKLE_VALUES; i++) {
            p.op('r').op(i & 0xff).op((i >> 8) & 0xff).op((i >> 16) & 0xff).op(0);
        }
        refusedPth(pth("memo.pth", p.stop(), null), "the pickle stores more than 1048576 memo entries");
    }

    /** 63 dicts, each holding the next one twice: 2^63 paths to walk, in a pickle of 1 KB. */
    @Test
    void sharedDictsThatWouldNeverFinish() throws IOException {
        Pickles p = new Pickles().op('}').op('q').op(0);
        for (int i = 1; i < Limits.DEPTH; i++) {
            p.op('}').op('(').str("a").op('h').op(i - 1).str("b").op('h').op(i - 1).op('u').op('q').op(i);
        }
        refusedPth(pth("shared.pth", p.stop(), null), "its dicts reach more than 1048576 values");
    }

    @Test
    void storageClaimingAnExbibyte() throws IOException {
        byte[] pickle = new Pickles().op('}').str("w").tensor("0", 1L << 60, 0, new long[] {1}, new long[] {1})
                .op('s').stop();
        refusedPth(pth("storage.pth", pickle, new byte[4]), "storage 0 (1152921504606846976 FLOAT32 elements)",
                "more than one Java array holds");
    }

    @Test
    void zeroStridesMakingAHugeTensorOfOneElement() throws IOException {
        byte[] pickle = new Pickles().op('}').str("w").tensor("0", 1, 0, new long[] {65536, 65536}, new long[] {0, 0})
                .op('s').stop();
        refusedPth(pth("broadcast.pth", pickle, new byte[4]), "tensor w's 4294967296 values",
                "more than one Java array holds");
    }

    @Test
    void stridesThatOverflow() throws IOException {
        byte[] pickle = new Pickles().op('}').str("w")
                .tensor("0", 4, 0, new long[] {2, 2}, new long[] {1L << 62, 1L << 62}).op('s').stop();
        refusedPth(pth("strides.pth", pickle, new byte[16]), "tensor w (shape [2, 2], strides "
                + "[4611686018427387904, 4611686018427387904], offset 0) reaches past its storage of 4 elements");
    }

    @Test
    void pickleBomb() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.pth"),
                Bombs.zip("archive/data.pkl", Bombs.deflate(new byte[] {(byte) 0x80, 2}, 65)));
        refusedPth(bomb, "archive/data.pkl is larger than 64.0 MiB");
    }

    @Test
    void appendToATupleAndPopFromNothing() throws IOException {
        byte[] tuple = new Pickles().op(')').str("x").op('a').stop();
        refusedPth(pth("tuple.pth", tuple, null), "APPEND's target (a list) must be a list, found tuple");
        byte[] empty = new Pickles().stop();
        refusedPth(pth("empty.pth", empty, null), "an opcode needs 1 value but the stack holds 0");
    }

    @Test
    void wrongKindsOfArguments() throws IOException {
        byte[] key = new Pickles().op('}').op('(').str("storage").global("torch", "FloatStorage").integer(7)
                .str("cpu").integer(1).op('t').op('Q').stop();
        refusedPth(pth("key.pth", key, null), "a storage key must be a str, found int");
        byte[] items = new Pickles().global("collections", "OrderedDict").str("x").op(0x85).op('R').stop();
        refusedPth(pth("items.pth", items, null), "OrderedDict's items must be a tuple or list, found str");
    }
}
