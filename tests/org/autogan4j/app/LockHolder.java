package org.autogan4j.app;

// A second process for RunLockTest: locks the run directory args[0] (RunLock), prints "locked", and
// keeps the lock until it is killed.

public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        RunLock lock = RunLock.acquire(java.nio.file.Path.of(args[0]));
        System.out.println("locked " + lock.previousHolder());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
