package dev.weft.cluster.internal;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import dev.weft.cluster.ClassNotOnMemberException;
import dev.weft.parallel.internal.ErrorPayload;
import dev.weft.parallel.internal.ItemFailure;
import dev.weft.parallel.internal.JavaSerialization;
import dev.weft.parallel.internal.ValueArrays;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One chunk as it runs on a member: the function travels Java-serialized and the inputs as
 * parallel's {@link ValueArrays}, as bytes read on the member (so that a missing class can be
 * named); the function is applied to each input in turn, and the reply is a {@link ValueArrays}
 * array holding, per input, the result or an {@link ItemFailure}. Only weft's and the JDK's classes are needed to read the task
 * itself; the user's classes are needed to run it.
 */
final class ChunkTask implements Callable<byte[]>, Serializable, HazelcastInstanceAware {
    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] function;
    private final byte[] arguments;
    private final long firstIndex;
    private final int size;
    private transient HazelcastInstance instance;

    ChunkTask(byte[] function, byte[] arguments, long firstIndex, int size) {
        this.function = function;
        this.arguments = arguments;
        this.firstIndex = firstIndex;
        this.size = size;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public byte[] call() throws IOException {
        Object[] inputs;
        Function<Object, Object> fn;
        try {
            fn = castToFunction(JavaSerialization.fromBytes(function, 0, function.length));
            inputs = ValueArrays.decode(arguments, 0, arguments.length);
        } catch (ClassNotFoundException e) {
            ItemFailure missing = new ItemFailure(ErrorPayload.of(new ClassNotOnMemberException(e.getMessage(), member(), e)));
            Object[] allMissing = new Object[size];
            Arrays.fill(allMissing, missing);
            return ValueArrays.encode(allMissing);
        }
        Object[] results = new Object[inputs.length];
        CurrentMember.set(instance);
        try {
            for (int i = 0; i < inputs.length; i++) {
                results[i] = applySafely(fn, inputs[i]);
            }
        } finally {
            CurrentMember.clear();
        }
        return encode(results);
    }

    @SuppressWarnings("unchecked") // the pool only sends SerializableFunction instances
    private static Function<Object, Object> castToFunction(Object fn) {
        return (Function<Object, Object>) fn;
    }

    // Catches every Throwable: a worker reports whatever the function threw, as Pool.map does.
    private Object applySafely(Function<Object, Object> fn, Object input) {
        try {
            return fn.apply(input);
        } catch (NoClassDefFoundError e) {
            String className = String.valueOf(e.getMessage()).replace('/', '.');
            return new ItemFailure(ErrorPayload.of(new ClassNotOnMemberException(className, member(), e)));
        } catch (Throwable e) {
            return new ItemFailure(ErrorPayload.of(e));
        }
    }

    /** Serializes the results; a result that does not serialize becomes a failure of its input. */
    private byte[] encode(Object[] results) throws IOException {
        try {
            return ValueArrays.encode(results);
        } catch (IOException e) {
            Object[] safe = Arrays.copyOf(results, results.length);
            for (int i = 0; i < safe.length; i++) {
                try {
                    JavaSerialization.toBytes(safe[i]);
                } catch (IOException single) {
                    safe[i] = new ItemFailure(ErrorPayload.of(new IllegalArgumentException("the result of input #"
                            + (firstIndex + i) + " cannot be sent back from member " + member() + ": "
                            + JavaSerialization.explain(single))));
                }
            }
            return ValueArrays.encode(safe);
        }
    }

    private String member() {
        if (instance == null) {
            return "(unknown member)";
        }
        Address address = instance.getCluster().getLocalMember().getAddress();
        return address.getHost() + ":" + address.getPort();
    }
}
