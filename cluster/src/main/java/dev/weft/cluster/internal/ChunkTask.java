package dev.weft.cluster.internal;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import dev.weft.cluster.ClassNotOnMemberException;
import dev.weft.parallel.internal.ChunkCodec;
import dev.weft.parallel.internal.ChunkRunner;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * One chunk as it runs on a member: the function and the inputs travel as parallel's
 * {@link ChunkCodec} bytes, read on the member (so that a missing class can be named), and
 * parallel's {@link ChunkRunner} runs the chunk and encodes the reply, as a child JVM does. Only
 * weft's and the JDK's classes are needed to read the task itself; the user's classes are needed
 * to run it (or travel with the function, when they exist only in the caller's JVM).
 */
final class ChunkTask implements Callable<byte[]>, Serializable, HazelcastInstanceAware {
    @Serial
    private static final long serialVersionUID = 2L;

    private final byte[] function;
    private final byte[] arguments;
    private final long firstIndex;
    private transient HazelcastInstance instance;

    ChunkTask(byte[] function, byte[] arguments, long firstIndex) {
        this.function = function;
        this.arguments = arguments;
        this.firstIndex = firstIndex;
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
            ChunkRunner.Loaded fn = ChunkRunner.load(function, 0, function.length, site);
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
