// Reads the tensors of a PyTorch .pth file without Python and without running any of its code.
// The format torch.save writes since PyTorch 1.6 is a zip archive: <archive>/data.pkl, a pickle of
// the saved object whose tensors name their storages by key, and <archive>/data/<key>, each
// storage's raw little-endian elements. The older format (still used by weights files made before
// 1.6) is one stream: pickles of the magic number, protocol 1001 and sys info, the object, the list
// of storage keys, then per key an int64 element count and the raw elements. The pickles go
// through PickleReader's allow-list; nested dicts are flattened with '.' joins, and values that are
// neither dicts nor tensors (an epoch number, a name) are skipped.
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

import org.autogan4j.io.PickleReader.PickleException;
import org.autogan4j.io.PickleReader.StorageRef;
import org.autogan4j.io.PickleReader.TensorRef;

public final class PthReader {
    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long LEGACY_PROTOCOL = 1001;
    /** Largest data.pkl read: a state_dict's pickle is a few hundred KB even for large networks. */
    private static final int PICKLE_LIMIT = 64 << 20;
    /** Deepest dict nesting flattened; deeper means a cycle made with the memo, or a hostile file. */
    private static final int DEPTH_LIMIT = 64;

    private PthReader() {
    }

    /** Every tensor of file, by flattened name, in the order the file lists them. */
    public static Map<String, PthTensor> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such .pth file");
        }
        byte[] head = new byte[2];
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
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pickle = zip.stream().filter(e -> e.getName().matches("[^/]+/data\\.pkl")).findFirst()
                    .orElseThrow(() -> new CheckpointException(file, "the archive has no <archive>/data.pkl; "
                            + "is it a .pth file written by torch.save?"));
            String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            Object root;
            try (InputStream in = zip.getInputStream(pickle)) {
                byte[] bytes = in.readNBytes(PICKLE_LIMIT + 1);
                if (bytes.length > PICKLE_LIMIT) {
                    throw new CheckpointException(file, pickle.getName() + " is larger than " + PICKLE_LIMIT
                            + " bytes, which no state_dict needs");
                }
                root = PickleReader.read(ByteBuffer.wrap(bytes));
            }
            Map<String, ByteBuffer> storages = new HashMap<>();
            return tensors(file, root, storage -> {
                ByteBuffer bytes = storages.get(storage.key());
                if (bytes == null) {
                    ZipEntry entry = zip.getEntry(prefix + "data/" + storage.key());
                    if (entry == null) {
                        throw new CheckpointException(file, "unknown storage key " + storage.key() + ": the archive has "
                                + "no " + prefix + "data/" + storage.key());
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        long needed = storage.numel() * storage.dtype().bytes();
                        bytes = ByteBuffer.wrap(in.readNBytes((int) Math.min(needed, Integer.MAX_VALUE - 8)));
                    }
                    storages.put(storage.key(), bytes);
                }
                return checkLength(file, storage, bytes);
            });
        } catch (ZipException e) {
            throw new CheckpointException(file, "not a readable zip archive (truncated or corrupt): " + e.getMessage());
        }
    }

    private static Map<String, PthTensor> readLegacy(Path file) throws IOException, PickleException {
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
        Object root = PickleReader.read(in);
        Map<String, ByteBuffer> storages = new HashMap<>();
        try {
            for (Object key : (List<?>) PickleReader.read(in)) {
                long numel = in.getLong();
                int elementBytes = elementBytes(root, (String) key, 0);
                if (elementBytes == 0) {
                    throw new CheckpointException(file, "storage " + key + " is listed, but no tensor uses it");
                }
                long bytes = numel * elementBytes;
                if (numel < 0 || bytes > in.remaining()) {
                    throw new CheckpointException(file, "truncated storage " + key + ": " + numel + " elements "
                            + "announced, " + in.remaining() + " bytes left in the file");
                }
                ByteBuffer storage = in.slice();
                storage.limit((int) bytes);
                storages.put((String) key, storage);
                in.position(in.position() + (int) bytes);
            }
        } catch (BufferUnderflowException | ClassCastException e) {
            throw new CheckpointException(file, "the storage section after the pickles is truncated or malformed");
        }
        return tensors(file, root, storage -> {
            ByteBuffer bytes = storages.get(storage.key());
            if (bytes == null) {
                throw new CheckpointException(file, "unknown storage key " + storage.key()
                        + ": the file's storage list does not hold it");
            }
            return checkLength(file, storage, bytes);
        });
    }

    /** Bytes per element of the storage named key, from the first tensor in root that uses it. */
    private static int elementBytes(Object root, String key, int depth) {
        if (root instanceof TensorRef tensor && tensor.storage().key().equals(key)) {
            return tensor.storage().dtype().bytes();
        }
        if (root instanceof Map<?, ?> dict && depth < DEPTH_LIMIT) {
            for (Object value : dict.values()) {
                int bytes = elementBytes(value, key, depth + 1);
                if (bytes > 0) {
                    return bytes;
                }
            }
        }
        return 0;
    }

    private static BigInteger toBig(Object value) {
        return value instanceof Long l ? BigInteger.valueOf(l) : value instanceof BigInteger b ? b : null;
    }

    private static ByteBuffer checkLength(Path file, StorageRef storage, ByteBuffer bytes) throws CheckpointException {
        long needed = storage.numel() * storage.dtype().bytes();
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

    private static Map<String, PthTensor> tensors(Path file, Object root, StorageSource source) throws IOException {
        if (!(root instanceof Map<?, ?>)) {
            throw new CheckpointException(file, "holds a " + PickleReader.describe(root)
                    + ", not a dict of tensors (a state_dict)");
        }
        Map<String, PthTensor> out = new LinkedHashMap<>();
        flatten(file, "", root, source, out, 0);
        return Collections.unmodifiableMap(out);
    }

    private static void flatten(Path file, String name, Object value, StorageSource source, Map<String, PthTensor> out,
                                int depth) throws IOException {
        if (value instanceof Map<?, ?> dict) {
            if (depth == DEPTH_LIMIT) {
                throw new CheckpointException(file, "dicts nested deeper than " + DEPTH_LIMIT + " levels at \"" + name
                        + "\" (a dict that contains itself?)");
            }
            for (Map.Entry<?, ?> e : dict.entrySet()) {
                String key = String.valueOf(e.getKey());
                flatten(file, name.isEmpty() ? key : name + "." + key, e.getValue(), source, out, depth + 1);
            }
        } else if (value instanceof TensorRef tensor) {
            out.put(name, PthGather.gather(file, name, tensor, source.bytes(tensor.storage())));
        }
    }
}
