package org.backbone.kit.persistence;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Work that must not run on the event loop, or that completes on another thread (a blocking client,
 * Kafka's admin futures, the JDK's HTTP client), brought back to the Vert.x context of whoever asked:
 * a Hibernate Reactive session open there must be used from that context and no other.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** Runs {@code work} on a worker thread; completes on the caller's context (when there is one). */
    public static <T> Uni<T> blocking(Supplier<T> work) {
        return resume(Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** {@code work}, completing on the context current now, at assembly (when there is one). */
    public static <T> Uni<T> resume(Uni<T> work) {
        Context context = Vertx.currentContext();
        return context == null ? work : work.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
