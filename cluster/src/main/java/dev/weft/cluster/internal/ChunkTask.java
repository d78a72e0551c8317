package dev.weft.cluster.internal;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import dev.weft.cluster.ClassNotOnMemberException;
import dev.weft.parallel.internal.ChunkCodec;
import dev.weft.parallel.internal.ChunkRunner;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * One chunk as it runs on a member: the function and the inputs travel as parallel's
 * {@link ChunkCodec} bytes, read on the member (so that a missing class can be named), and
 * parallel's {@link ChunkRunner} runs the chunk and encodes the reply, as a child JVM does. The
 * function travels with its key and, unless the parent knows the member has it, its bytes
 * ({@link FunctionCache}, {@link PreparedFunction}); a member that does not have it answers
 * {@link FunctionCache#MISSING}. The task is a Hazelcast {@link DataSerializable} (its fields
 * written as they are, no Java serialization of the task itself); only weft's and the JDK's
 * classes are needed to read it, the user's classes to run it (or they travel with the function,
 * when they exist only in the caller's JVM).
 */
final class ChunkTask implements Callable<byte[]>, DataSerializable, HazelcastInstanceAware {
    private String functionKey;
    private boolean shared;
    private byte[] function;
    private byte[] arguments;
    private long firstIndex;
    private transient HazelcastInstance instance;

    /** For Hazelcast, which reads the fields into it. */
    ChunkTask() {
    }

    /**
     * @param functionKey the function's key
     * @param shared true for a function without state, whose one instance serves every chunk
     * @param function its bytes, null to send the key alone
     */
    ChunkTask(String functionKey, boolean shared, byte[] function, byte[] arguments, long firstIndex) {
        this.functionKey = functionKey;
        this.shared = shared;
        this.function = function;
        this.arguments = arguments;
        this.firstIndex = firstIndex;
    }

    /** {@return this task without the function's bytes, only its key} */
    ChunkTask keyOnly() {
        return new ChunkTask(functionKey, shared, null, arguments, firstIndex);
    }

    /** {@return the function's key} */
    String functionKey() {
        return functionKey;
    }

    /** {@return true if the task carries the function's bytes and a member may keep them} */
    boolean keepable() {
        return function != null && function.length <= FunctionCache.MAX_BYTES;
    }

    /** {@return how many bytes the task carries} */
    long size() {
        return (function == null ? 0 : function.length) + arguments.length;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(functionKey);
        out.writeBoolean(shared);
        out.writeByteArray(function);
        out.writeByteArray(arguments);
        out.writeLong(firstIndex);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        functionKey = in.readString();
        shared = in.readBoolean();
        function = in.readByteArray();
        arguments = in.readByteArray();
        firstIndex = in.readLong();
        if (functionKey == null || arguments == null) {
            throw new IOException("a weft chunk without its function's key or its inputs");
        }
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public byte[] call() throws IOException {
        ChunkRunner.Site site = new ChunkRunner.Site() {
            @Override
            public String name() {
                return "cluster member " + member();
            }

            @Override
            public Throwable classMissing(String className, Throwable cause) {
                return new ClassNotOnMemberException(className, member(), cause);
            }
        };
        CurrentMember.set(instance);
        try {
            ChunkRunner.Loaded fn = FunctionCache.load(functionKey, shared, function, site);
            if (fn == null) {
                return FunctionCache.MISSING;
            }
            return ChunkRunner.run(fn, arguments, 0, arguments.length, firstIndex, site).bytes();
        } finally {
            CurrentMember.clear();
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
