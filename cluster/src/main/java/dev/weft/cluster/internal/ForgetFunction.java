package dev.weft.cluster.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import java.io.IOException;

/**
 * The parent's word to a member that a job with a function with state has ended: the member
 * forgets the function's bytes ({@link FunctionCache#forget}). Sent once per job and per member
 * that was sent the bytes, without waiting for it; a member that missed it forgets them anyway
 * when its cache is full.
 *
 * <pre>{@code
 * executor.executeOnMember(new ForgetFunction(key), member);
 * }</pre>
 */
final class ForgetFunction implements Runnable, DataSerializable {
    private String key;

    /** For Hazelcast, which reads the fields into it. */
    ForgetFunction() {
    }

    ForgetFunction(String key) {
        this.key = key;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(key);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        key = in.readString();
        if (key == null) {
            throw new IOException("a weft function to forget without its key");
        }
    }

    @Override
    public void run() {
        FunctionCache.forget(key);
    }
}
