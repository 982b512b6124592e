// Reads the tensors of a PyTorch .pth file without Python and without running any of its code.
// The format torch.save writes since PyTorch 1.6 is a zip archive: <archive>/data.pkl, a pickle of
// the saved object whose tensors name their storages by key, and <archive>/data/<key>, each
// storage's raw little-endian elements. The older format (still used by weights files made before
// 1.6) is one stream: pickles of the magic number, protocol 1001 and sys info, the object, the list
// of storage keys, then per key an int64 element count and the raw elements. The pickles go
// through PickleReader's allow-list; nested dicts are flattened with '.' joins, and values that are
// neither dicts nor tensors (an epoch number, a name) are skipped. Sizes are bounded by Limits: the
// pickle's bytes, the dicts' depth and the values walked, and every storage and tensor is checked
// against the heap before it is read, reading no more of a zip entry than its storage needs.
package org.autogan4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.autogan4j.io.PickleTorch.StorageRef;
import org.autogan4j.io.PickleTorch.TensorRef;

public final class PthReader {
    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long LEGACY_PROTOCOL = 1001;

    private PthReader() {
    }

    /** Every tensor of file, by flattened name, in the order the file lists them. */
    public static Map<String, PthTensor> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such .pth file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2);
        }
        try {
            if (head.length == 2 && head[0] == 'P' && head[1] == 'K') {
                return readZip(file);
            }
            if (head.length == 2 && (head[0] & 0xff) == 0x80) {
                return readLegacy(file);
            }
        } catch (PickleException e) {
            throw new CheckpointException(file, e.getMessage());
        }
        throw new CheckpointException(file, "not a .pth file written by torch.save (neither a zip archive nor "
                + "a pickle stream)");
    }

    private static Map<String, PthTensor> readZip(Path file) throws IOException, PickleException {
        Limits.Refusal<?> refusal = problem -> new CheckpointException(file, problem);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pickle = zip.stream().filter(e -> e.getName().matches("[^/]+/data\\.pkl")).findFirst()
                    .orElseThrow(() -> new CheckpointException(file, "the archive has no <archive>/data.pkl; "
                            + "is it a .pth file written by torch.save?"));
            String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            Object root;
            try (InputStream in = zip.getInputStream(pickle)) {
                root = PickleReader.read(ByteBuffer.wrap(Limits.readAtMost(in, Limits.PICKLE_BYTES, pickle.getName(),
                        refusal)));
            } catch (IOException e) {
                throw unreadable(file, pickle, e);
            }
            Map<String, ByteBuffer> storages = new HashMap<>();
            return gather(file, tensorsOf(file, root), storage -> {
                ByteBuffer bytes = storages.get(storage.key());
                if (bytes == null) {
                    ZipEntry entry = zip.getEntry(prefix + "data/" + storage.key());
                    if (entry == null) {
                        throw new CheckpointException(file, "unknown storage key " + storage.key()
                                + ": the archive has no " + prefix + "data/" + storage.key());
                    }
                    long needed = storageBytes(file, storage);
                    try (InputStream in = zip.getInputStream(entry)) {
                        bytes = ByteBuffer.wrap(in.readNBytes((int) needed));
                    } catch (IOException e) {
                        throw unreadable(file, entry, e);
                    }
                    storages.put(storage.key(), bytes);
                }
                return checkLength(file, storage, bytes);
            });
        } catch (ZipException e) {
            throw new CheckpointException(file, "not a readable zip archive (truncated or corrupt): " + e.getMessage());
        }
    }

    private static CheckpointException unreadable(Path file, ZipEntry entry, IOException e) {
        return e instanceof CheckpointException c ? c : new CheckpointException(file, "entry " + entry.getName()
                + " cannot be decompressed (" + AtomicFile.reason(e) + "); the archive is truncated or corrupt", e);
    }

    private static Map<String, PthTensor> readLegacy(Path file) throws IOException, PickleException {
        Limits.checkAllocation(Files.size(file), 1, "the legacy .pth file's bytes",
                problem -> new CheckpointException(file, problem));
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (!LEGACY_MAGIC.equals(toBig(PickleReader.read(in)))) {
            throw new CheckpointException(file, "a pickle stream without torch.save's magic number: not a .pth file");
        }
        Object protocol = PickleReader.read(in);
        if (!Long.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
            throw new CheckpointException(file, "legacy .pth protocol " + protocol + " is not " + LEGACY_PROTOCOL);
        }
        Object sysInfo = PickleReader.read(in);
        if (sysInfo instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))) {
            throw new CheckpointException(file, "written on a big-endian machine; re-save it on a little-endian one");
        }
        Map<String, TensorRef> tensors = tensorsOf(file, PickleReader.read(in));
        Map<String, StorageRef> used = new HashMap<>();
        tensors.values().forEach(t -> used.putIfAbsent(t.storage().key(), t.storage()));
        Object keys = PickleReader.read(in);
        if (!(keys instanceof List<?> list)) {
            throw new CheckpointException(file, "the storage key list after the pickles is a "
                    + PickleTorch.describe(keys) + ", not a list");
        }
        Map<String, ByteBuffer> storages = new HashMap<>();
        try {
            for (Object key : list) {
                long numel = in.getLong();
                StorageRef user = used.get(String.valueOf(key));
                if (user == null) {
                    throw new CheckpointException(file, "storage " + key + " is listed, but no tensor uses it");
                }
                long bytes = numel < 0 ? -1 : Limits.product(numel, user.dtype().bytes());
                if (bytes < 0 || bytes > in.remaining()) {
                    throw new CheckpointException(file, "truncated storage " + key + ": " + numel + " elements "
                            + "announced, " + in.remaining() + " bytes left in the file");
                }
                ByteBuffer storage = in.slice();
                storage.limit((int) bytes);
                storages.put(user.key(), storage);
                in.position(in.position() + (int) bytes);
            }
        } catch (BufferUnderflowException e) {
            throw new CheckpointException(file, "the storage section after the pickles is truncated");
        }
        return gather(file, tensors, storage -> {
            ByteBuffer bytes = storages.get(storage.key());
            if (bytes == null) {
                throw new CheckpointException(file, "unknown storage key " + storage.key()
                        + ": the file's storage list does not hold it");
            }
            return checkLength(file, storage, bytes);
        });
    }

    private static BigInteger toBig(Object value) {
        return value instanceof Long l ? BigInteger.valueOf(l) : value instanceof BigInteger b ? b : null;
    }

    /** The bytes storage claims, refused when they cannot be true or cannot fit in memory. */
    private static long storageBytes(Path file, StorageRef storage) throws CheckpointException {
        long bytes = Limits.product(storage.numel(), storage.dtype().bytes());
        Limits.checkAllocation(bytes, 1, "storage " + storage.key() + " (" + storage.numel() + " " + storage.dtype()
                + " elements)", problem -> new CheckpointException(file, problem));
        return bytes;
    }

    private static ByteBuffer checkLength(Path file, StorageRef storage, ByteBuffer bytes) throws CheckpointException {
        long needed = storageBytes(file, storage);
        if (bytes.remaining() < needed) {
            throw new CheckpointException(file, "truncated storage " + storage.key() + ": " + storage.numel() + " "
                    + storage.dtype() + " elements need " + needed + " bytes, the file holds " + bytes.remaining());
        }
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Fetches the bytes of one storage. */
    private interface StorageSource {
        ByteBuffer bytes(StorageRef storage) throws IOException;
    }

    /** The tensors of root by flattened name, walking at most Limits.PICKLE_VALUES dict entries. */
    private static Map<String, TensorRef> tensorsOf(Path file, Object root) throws CheckpointException {
        if (!(root instanceof Map<?, ?>)) {
            throw new CheckpointException(file, "holds a " + PickleTorch.describe(root)
                    + ", not a dict of tensors (a state_dict)");
        }
        Map<String, TensorRef> out = new LinkedHashMap<>();
        flatten(file, "", root, out, 0, new int[1]);
        return out;
    }

    private static void flatten(Path file, String name, Object value, Map<String, TensorRef> out, int depth,
                                int[] walked) throws CheckpointException {
        if (value instanceof Map<?, ?> dict) {
            if (depth == Limits.DEPTH) {
                throw new CheckpointException(file, "dicts nested deeper than " + Limits.DEPTH + " levels at \"" + name
                        + "\" (a dict that contains itself?)");
            }
            for (Map.Entry<?, ?> e : dict.entrySet()) {
                if (++walked[0] > Limits.PICKLE_VALUES) {
                    throw new CheckpointException(file, "its dicts reach more than " + Limits.PICKLE_VALUES
                            + " values (the same dicts nested in each other?), more than any state_dict holds");
                }
                String key = String.valueOf(e.getKey());
                flatten(file, name.isEmpty() ? key : name + "." + key, e.getValue(), out, depth + 1, walked);
            }
        } else if (value instanceof TensorRef tensor) {
            out.put(name, tensor);
        }
    }

    private static Map<String, PthTensor> gather(Path file, Map<String, TensorRef> tensors, StorageSource source)
            throws IOException {
        Map<String, PthTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, TensorRef> e : tensors.entrySet()) {
            out.put(e.getKey(), PthGather.gather(file, e.getKey(), e.getValue(), source.bytes(e.getValue().storage())));
        }
        return Collections.unmodifiableMap(out);
    }
}
