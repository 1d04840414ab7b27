package org.backbone.communication.service;

/** What the hubs' threads share: each a daemon that follows the database, resting a second after a failure. */
final class HubThreads {

    private HubThreads() {
    }

    /** Starts {@code loop} on a daemon thread called {@code name}: it must not hold up the JVM's exit. */
    static void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Rests a second after a failure; false when interrupted, and then the thread should end. */
    static boolean rest() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
