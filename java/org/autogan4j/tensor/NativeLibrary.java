package org.autogan4j.tensor;

import org.autogan4j.nativeapi.Ag;

/**
 * Loads the native kernel library (the JNI library of {@link Ag}) once, and turns a failure to load
 * it (a missing or incompatible glibc, libstdc++ or libgomp, a library built for another platform)
 * into one clear error naming the loader's own reason, on the first and on every later use.
 */
final class NativeLibrary {
    private static final Object LOCK = new Object();
    private static boolean tried;
    private static String failure;

    private NativeLibrary() {
    }

    /** Loads the library or throws, naming why it cannot be loaded. */
    static void load() {
        synchronized (LOCK) {
            if (!tried) {
                tried = true;
                try {
                    Ag.ag_version();
                } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
                    failure = "cannot load the autogan4j native library (" + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + "): " + describe(e) + " (the library needs x86-64 "
                            + "Linux with glibc 2.34 or newer, libstdc++ and libgomp, GNU OpenMP)";
                }
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null) {
            return root.toString();
        }
        // a library that loaded but lacks a JNI method: JavaCPP names the method alone, in quotes
        return message.startsWith("'") ? "the library found does not provide " + message
                + ", so it is not the one this jar was built with" : message;
    }
}
