package io.kefu.conversation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits many small ingest transactions as one. Under load, one transaction per message spends most of its time on
 * what every transaction pays (taking a pooled connection, preparing statements, committing) and on threads queueing
 * for connections; here a few writer threads each take whatever work is waiting, run it in one transaction, commit
 * once, and only then answer every caller. A caller therefore learns of success only after its data is durable, and
 * a failed commit fails every caller in it, who then do not acknowledge: nothing accepted is lost.
 *
 * <p>When one piece of work throws, the group is rolled back and each piece runs again in a transaction of its own
 * (failures are rare: a delivery racing its duplicate). Work must therefore touch nothing but the database. This
 * costs less than a savepoint around every piece, which H2 parses as a new statement each time.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 64;

    private final SqlSessionFactory sessions;
    private final BlockingQueue<Work<?>> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    private record Work<T>(Function<ConversationMapper, T> body, CompletableFuture<T> result) {
    }

    GroupCommit(SqlSessionFactory sessions, int writerCount, int capacity) {
        this.sessions = sessions;
        this.queue = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::drain, "kefu-ingest-writer-" + (i + 1));
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Runs {@code body} in a transaction shared with other waiting work; returns once that transaction committed.
     * {@code body} may run twice (see above) and must have no effect outside the database.
     */
    <T> T write(Function<ConversationMapper, T> body) {
        if (closed) {
            throw new IllegalStateException("conversation storage is stopping");
        }
        Work<T> work = new Work<>(body, new CompletableFuture<>());
        if (!queue.offer(work)) {
            throw new IllegalStateException("conversation storage is overloaded: " + queue.size() + " writes waiting");
        }
        try {
            return work.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void drain() {
        List<Work<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Work<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(batch, new IllegalStateException("conversation storage is stopping"));
                return;
            } catch (Throwable unexpected) {
                LOG.error("An ingest writer failed; its batch is refused and will be sent again by the channels", unexpected);
                fail(batch, new IllegalStateException("the message could not be stored", unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Work<?>> batch) {
        if (batch.size() > 1 && commitTogether(batch)) {
            return;
        }
        // One piece of work, or a group in which something failed: each in a transaction of its own, so that a
        // failure (a delivery racing its duplicate, say) rolls back only its own work.
        for (Work<?> work : batch) {
            commitAlone(work);
        }
    }

    /** All of {@code batch} in one transaction; false, with everything rolled back, if any piece of it threw. */
    private boolean commitTogether(List<Work<?>> batch) {
        Object[] results = new Object[batch.size()];
        // REUSE prepares each distinct statement once per group instead of once per message.
        try (SqlSession session = sessions.openSession(ExecutorType.REUSE, false)) {
            ConversationMapper mapper = session.getMapper(ConversationMapper.class);
            for (int i = 0; i < batch.size(); i++) {
                try {
                    results[i] = batch.get(i).body().apply(mapper);
                } catch (RuntimeException e) {
                    session.rollback(true);
                    return false;
                }
            }
            session.commit(true);
        } catch (PersistenceException e) {
            // The commit itself failed (the database is gone, say): nobody in the group is answered yes.
            fail(batch, e);
            return true;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results[i], null);
        }
        return true;
    }

    private <T> void commitAlone(Work<T> work) {
        T result;
        try (SqlSession session = sessions.openSession(false)) {
            result = work.body().apply(session.getMapper(ConversationMapper.class));
            session.commit(true);
        } catch (RuntimeException e) {
            work.result().completeExceptionally(e);
            return;
        }
        work.result().complete(result);
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Work<T> work, Object result, RuntimeException failure) {
        if (failure != null) {
            work.result().completeExceptionally(failure);
        } else {
            work.result().complete((T) result);
        }
    }

    private static void fail(List<Work<?>> batch, RuntimeException cause) {
        for (Work<?> work : batch) {
            work.result().completeExceptionally(cause);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Work<?>> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, new IllegalStateException("conversation storage stopped"));
    }
}
