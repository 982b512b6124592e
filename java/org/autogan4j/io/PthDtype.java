// The element types a .pth storage may hold, named by the torch storage class that pickles them
// (torch.FloatStorage, ...), with their size in bytes. Only these storage types are allowed as
// globals by PickleReader; float types convert to float32 on load, integer types stay exact.
package org.autogan4j.io;

public enum PthDtype {
    FLOAT32("FloatStorage", 4, true),
    FLOAT16("HalfStorage", 2, true),
    FLOAT64("DoubleStorage", 8, true),
    INT64("LongStorage", 8, false),
    INT32("IntStorage", 4, false),
    UINT8("ByteStorage", 1, false),
    BOOL("BoolStorage", 1, false);

    private final String storageName;
    private final int bytes;
    private final boolean floatingPoint;

    PthDtype(String storageName, int bytes, boolean floatingPoint) {
        this.storageName = storageName;
        this.bytes = bytes;
        this.floatingPoint = floatingPoint;
    }

    /** The dtype of torch.&lt;storageName&gt;, or null when it is not an allowed storage type. */
    static PthDtype ofStorage(String storageName) {
        for (PthDtype dtype : values()) {
            if (dtype.storageName.equals(storageName)) {
                return dtype;
            }
        }
        return null;
    }

    /** Bytes per element in the storage file. */
    public int bytes() {
        return bytes;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }
}
