// A main for child JVMs of NativeLibraryLoadTest: touches the CPU backend (which loads the native
// library) and prints "loaded" or the exception's class and message on one line.
package org.autogan4j.testing;

import org.autogan4j.tensor.Device;

public final class NativeLoadProbe {
    private NativeLoadProbe() {
    }

    public static void main(String[] args) {
        try {
            Device.CPU.backend();
            System.out.println("loaded");
        } catch (RuntimeException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
