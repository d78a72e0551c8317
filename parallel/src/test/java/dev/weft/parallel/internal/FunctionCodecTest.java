package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.parallel.SerializableFunction;
import dev.weft.parallel.SerializableRunnable;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link FunctionCodec}: capture-free lambdas and method references travel as names, everything
 * else as Java serialization; both come back working, and bad bytes fail clearly.
 */
class FunctionCodecTest {
    private static final AtomicInteger RUNS = new AtomicInteger();

    static int twice(int x) {
        return 2 * x;
    }

    static void countRun() {
        RUNS.incrementAndGet();
    }

    /** A function that is a plain class, not a lambda. */
    static final class AddOne implements SerializableFunction<Integer, Integer> {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Integer apply(Integer x) {
            return x + 1;
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<Integer, Integer> roundTrip(byte[] bytes) throws IOException, ClassNotFoundException {
        return (Function<Integer, Integer>) FunctionCodec.decode(bytes, 0, bytes.length);
    }

    private static byte[] encode(SerializableFunction<Integer, Integer> fn) {
        return FunctionCodec.encode(fn, "the function");
    }

    @Test
    void aCaptureFreeLambdaTravelsAsNames() throws Exception {
        byte[] bytes = encode(x -> x * 10);
        assertEquals(1, bytes[0], "the LAMBDA form");
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains(FunctionCodecTest.class.getName().replace('.', '/')));
        assertEquals(70, roundTrip(bytes).apply(7));
    }

    @Test
    void theCapturingClassOfALambdaIsReadFromItsNamesOnly() {
        assertEquals(FunctionCodecTest.class.getName(), FunctionCodec.capturingClass(encode(x -> x * 10)));
        assertEquals(FunctionCodecTest.class.getName(), FunctionCodec.capturingClass(encode(FunctionCodecTest::twice)),
                "a method reference: the class that wrote it, which rebuilds it");
        assertNull(FunctionCodec.capturingClass(encode(new AddOne())), "a serialized class has no names");
        int offset = 10;
        assertNull(FunctionCodec.capturingClass(encode(x -> x + offset)), "a capturing lambda is serialized");
        assertNull(FunctionCodec.capturingClass(new byte[0]));
        assertNull(FunctionCodec.capturingClass(new byte[] {1, 0, 9}), "truncated names");
    }

    @Test
    void aLambdaWhoseClassHasNoSuchLambdaIsNotRebuilt() {
        byte[] mixed = encode(x -> x * 10);
        // the same capturing class, another implementation method name: $deserializeLambda$ refuses it
        int at = new String(mixed, StandardCharsets.ISO_8859_1).indexOf("lambda$");
        assertTrue(at > 0);
        mixed[at] = 'L';
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> roundTrip(mixed));
        assertInstanceOf(IllegalArgumentException.class, e.getCause(), "what $deserializeLambda$ threw");
    }

    @Test
    void aStaticMethodReferenceTravelsAsNames() throws Exception {
        byte[] bytes = encode(FunctionCodecTest::twice);
        assertEquals(1, bytes[0]);
        assertEquals(42, roundTrip(bytes).apply(21));
    }

    @Test
    void unboundInstanceMethodsAndConstructorsTravelAsNames() throws Exception {
        SerializableFunction<String, Integer> length = String::length;
        byte[] bytes = FunctionCodec.encode(length, "the function");
        assertEquals(1, bytes[0]);
        @SuppressWarnings("unchecked")
        Function<String, Integer> back = (Function<String, Integer>) FunctionCodec.decode(bytes, 0, bytes.length);
        assertEquals(5, back.apply("weft!"));

        SerializableFunction<String, StringBuilder> builder = StringBuilder::new;
        byte[] ctor = FunctionCodec.encode(builder, "the function");
        assertEquals(1, ctor[0]);
        @SuppressWarnings("unchecked")
        Function<String, StringBuilder> made = (Function<String, StringBuilder>) FunctionCodec.decode(ctor, 0, ctor.length);
        assertEquals("abc", made.apply("abc").toString());
    }

    @Test
    void aBoundMethodReferenceCarriesItsReceiverBySerialization() throws Exception {
        String prefix = "weft-";
        SerializableFunction<String, String> concat = prefix::concat;
        byte[] bytes = FunctionCodec.encode(concat, "the function");
        assertEquals(0, bytes[0], "a bound receiver is a captured value");
        @SuppressWarnings("unchecked")
        Function<String, String> back = (Function<String, String>) FunctionCodec.decode(bytes, 0, bytes.length);
        assertEquals("weft-pool", back.apply("pool"));
    }

    @Test
    void aLambdaThatCapturesIsJavaSerializedWithItsValues() throws Exception {
        int offset = 100;
        byte[] bytes = encode(x -> x + offset);
        assertEquals(0, bytes[0], "the SERIALIZED form");
        assertEquals(105, roundTrip(bytes).apply(5));
    }

    @Test
    void aFunctionClassIsJavaSerialized() throws Exception {
        byte[] bytes = encode(new AddOne());
        assertEquals(0, bytes[0]);
        assertEquals(2, roundTrip(bytes).apply(1));
    }

    @Test
    void anInitializerRunsAfterTheTrip() throws Exception {
        SerializableRunnable init = FunctionCodecTest::countRun;
        byte[] bytes = FunctionCodec.encode(init, "the initializer");
        int before = RUNS.get();
        ((Runnable) FunctionCodec.decode(bytes, 0, bytes.length)).run();
        assertEquals(before + 1, RUNS.get());
    }

    @Test
    void aCapturedValueThatDoesNotSerializeIsNamedAtEncoding() {
        Object unsendable = new Object();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode(x -> x + unsendable.hashCode()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the function"), e.getMessage());
    }

    @Test
    void emptyOrUnknownBytesAreRefused() {
        assertThrows(IOException.class, () -> FunctionCodec.decode(new byte[0], 0, 0));
        assertThrows(IOException.class, () -> FunctionCodec.decode(new byte[] {9, 1, 2}, 0, 3));
    }

    @Test
    void aLambdaOfAMissingClassFailsWithClassNotFound() throws Exception {
        byte[] bytes = encode(x -> x - 1);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String ours = FunctionCodecTest.class.getName().replace('.', '/');
        String renamed = text.replace(ours, ours.substring(0, ours.length() - 1) + "X");
        byte[] missing = renamed.getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(ClassNotFoundException.class, () -> FunctionCodec.decode(missing, 0, missing.length));
    }

    @Test
    void aLambdaTheClassDoesNotHaveIsInvalid() throws Exception {
        byte[] bytes = encode(FunctionCodecTest::twice);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // same length, so that the UTF length prefix stays right
        byte[] tampered = text.replace("twice", "twixe").getBytes(StandardCharsets.ISO_8859_1);
        InvalidObjectException e = assertThrows(InvalidObjectException.class,
                () -> FunctionCodec.decode(tampered, 0, tampered.length));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void decodingReadsOnlyItsOwnRangeOfTheFrame() throws Exception {
        byte[] bytes = encode(FunctionCodecTest::twice);
        byte[] framed = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, framed, 5, bytes.length);
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> fn = (Function<Integer, Integer>) FunctionCodec.decode(framed, 5, bytes.length);
        assertEquals(8, fn.apply(4));
    }
}
