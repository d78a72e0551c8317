package dev.weft.decorators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The contract of {@link Decorate} for lambdas: order, names, docs, arguments, exceptions, bad input. */
class DecorateTest {

    /** A decorator that records "name>" before and "<name" after the call. */
    private static Decorator recording(String name, List<String> log) {
        return call -> {
            log.add(name + ">");
            try {
                return call.proceed();
            } finally {
                log.add("<" + name);
            }
        };
    }

    @Test
    void theFirstDecoratorListedIsTheOutermost() {
        List<String> log = new ArrayList<>();
        Function<Integer, Integer> f = Decorate.function("f", x -> {
            log.add("f");
            return x;
        }, recording("a", log), recording("b", log), recording("c", log));
        assertEquals(7, f.apply(7));
        assertEquals(List.of("a>", "b>", "c>", "f", "<c", "<b", "<a"), log);
    }

    @Test
    void everyShapeRunsItsDecoratorsAndReturnsItsResult() throws Exception {
        List<String> log = new ArrayList<>();
        Supplier<String> supplier = Decorate.supplier("s", () -> "s", recording("d", log));
        BiFunction<Integer, Integer, Integer> sum = Decorate.biFunction("sum", Integer::sum, recording("d", log));
        Callable<String> callable = Decorate.callable("c", () -> "c", recording("d", log));
        AtomicInteger runs = new AtomicInteger();
        Runnable runnable = Decorate.runnable("r", runs::incrementAndGet, recording("d", log));
        assertEquals("s", supplier.get());
        assertEquals(5, sum.apply(2, 3));
        assertEquals("c", callable.call());
        runnable.run();
        assertEquals(1, runs.get());
        assertEquals(8, log.size());
    }

    @Test
    void decoratorsSeeNameDocArgsAndNoMethodForALambda() {
        List<Invocation> seen = new ArrayList<>();
        Decorator spy = call -> {
            seen.add(call);
            return call.proceed();
        };
        BiFunction<String, Integer, String> repeat =
                Decorate.biFunction("repeat", "Repeats a string.", String::repeat, spy);
        assertEquals("abab", repeat.apply("ab", 2));
        Invocation call = seen.get(0);
        assertEquals("repeat", call.name());
        assertEquals(Optional.of("Repeats a string."), call.doc());
        assertEquals(List.of("ab", 2), call.args());
        assertEquals(Optional.empty(), call.method());
        assertThrows(UnsupportedOperationException.class, () -> call.args().set(0, "x"));
        Supplier<String> s = Decorate.supplier("s", () -> "x", spy);
        s.get();
        assertEquals(List.of(), seen.get(1).args());
        assertEquals(Optional.empty(), seen.get(1).doc());
    }

    @Test
    void argsMayHoldNull() {
        Decorator check = call -> {
            assertEquals(1, call.args().size());
            assertNull(call.args().get(0));
            return call.proceed();
        };
        Function<Object, String> f = Decorate.function("f", String::valueOf, check);
        assertEquals("null", f.apply(null));
    }

    @Test
    void proceedWithOtherArgumentsChangesWhatTheInnerDecoratorsAndTheFunctionSee() {
        List<Object> innerSaw = new ArrayList<>();
        Decorator doubler = call -> call.proceed((Integer) call.args().get(0) * 2);
        Decorator inner = call -> {
            innerSaw.addAll(call.args());
            return call.proceed();
        };
        Function<Integer, Integer> f = Decorate.function("f", x -> x + 1, doubler, inner);
        assertEquals(21, f.apply(10));
        assertEquals(List.of(20), innerSaw);
    }

    @Test
    void proceedWithTheWrongNumberOfArgumentsIsRefused() {
        Decorator wrong = call -> call.proceed(1, 2);
        Function<Integer, Integer> f = Decorate.function("f", x -> x, wrong);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.apply(1));
        assertTrue(e.getMessage().contains("f takes 1 argument"), e.getMessage());
        Decorator nullArgs = call -> call.proceed((Object[]) null);
        Function<Integer, Integer> g = Decorate.function("g", x -> x, nullArgs);
        NullPointerException npe = assertThrows(NullPointerException.class, () -> g.apply(1));
        assertEquals("args", npe.getMessage());
    }

    @Test
    void aDecoratorMayProceedTwice() {
        AtomicInteger calls = new AtomicInteger();
        Decorator retryOnce = call -> {
            try {
                return call.proceed();
            } catch (IllegalStateException first) {
                return call.proceed();
            }
        };
        Supplier<String> flaky = Decorate.supplier("flaky", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first");
            }
            return "ok";
        }, retryOnce);
        assertEquals("ok", flaky.get());
        assertEquals(2, calls.get());
    }

    @Test
    void aDecoratorMayAnswerWithoutProceeding() {
        AtomicInteger calls = new AtomicInteger();
        Function<Integer, Integer> f = Decorate.function("f", x -> calls.incrementAndGet(), call -> -1);
        assertEquals(-1, f.apply(3));
        assertEquals(0, calls.get());
    }

    @Test
    void aDecoratedFunctionKeepsItsNameDocAndOriginal() {
        Function<Integer, Integer> original = x -> x;
        Function<Integer, Integer> f = Decorate.function("identity", "Returns its argument.", original,
                Decorators.timed((n, d) -> { }));
        assertEquals("identity", f.toString());
        Decorated d = assertInstanceOf(Decorated.class, f);
        assertEquals("identity", d.name());
        assertEquals(Optional.of("Returns its argument."), d.doc());
        assertSame(original, d.wrapped());
        Runnable r = Decorate.runnable("r", () -> { });
        assertEquals("r", r.toString());
        assertEquals(Optional.empty(), ((Decorated) r).doc());
    }

    @Test
    void noDecoratorCallsTheOriginalDirectly() {
        Function<String, Integer> length = Decorate.function("length", String::length);
        assertEquals(3, length.apply("abc"));
        assertEquals("length", length.toString());
    }

    @Test
    void uncheckedExceptionsPassAsThemselves() {
        IllegalStateException boom = new IllegalStateException("boom");
        Supplier<String> s = Decorate.supplier("s", () -> {
            throw boom;
        }, Decorators.timed((n, d) -> { }));
        assertSame(boom, assertThrows(IllegalStateException.class, s::get));
        StackOverflowError error = new StackOverflowError("deep");
        Runnable r = Decorate.runnable("r", () -> {
            throw error;
        }, call -> call.proceed());
        assertSame(error, assertThrows(StackOverflowError.class, r::run));
    }

    @Test
    void aCallablePassesCheckedExceptionsAsThemselves() {
        IOException io = new IOException("disk");
        Callable<String> c = Decorate.callable("c", () -> {
            throw io;
        }, call -> call.proceed());
        assertSame(io, assertThrows(IOException.class, c::call));
        Callable<String> fromDecorator = Decorate.callable("c2", () -> "x", call -> {
            throw new IOException("decorator");
        });
        assertEquals("decorator", assertThrows(IOException.class, fromDecorator::call).getMessage());
    }

    @Test
    void aCheckedExceptionAFunctionCannotThrowIsWrappedInUndeclaredThrowable() {
        IOException io = new IOException("from a decorator");
        Function<Integer, Integer> f = Decorate.function("f", x -> x, call -> {
            throw io;
        });
        UndeclaredThrowableException e = assertThrows(UndeclaredThrowableException.class, () -> f.apply(1));
        assertSame(io, e.getCause());
        assertTrue(e.getMessage().contains("f threw java.io.IOException"), e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void anInterruptedExceptionFromADecoratorRestoresTheFlag() {
        Runnable r = Decorate.runnable("r", () -> { }, call -> {
            throw new InterruptedException("stop");
        });
        boolean flagSet;
        try {
            assertThrows(UndeclaredThrowableException.class, r::run);
        } finally {
            flagSet = Thread.interrupted(); // reads and clears the flag, so it never reaches the next test
        }
        assertTrue(flagSet);
    }

    @Test
    void recursiveGivesTheBodyTheDecoratedFunction() {
        List<Object> seen = new ArrayList<>();
        Decorator spy = call -> {
            seen.add(call.args().get(0));
            return call.proceed();
        };
        Function<Integer, Integer> sumTo = Decorate.recursive("sumTo", "Sums 1..n.",
                (self, n) -> n == 0 ? 0 : n + self.apply(n - 1), spy);
        assertEquals(10, sumTo.apply(4));
        assertEquals(List.of(4, 3, 2, 1, 0), seen);
        Decorated d = (Decorated) sumTo;
        assertEquals(Optional.of("Sums 1..n."), d.doc());
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> wrapped = (Function<Integer, Integer>) d.wrapped();
        seen.clear();
        assertEquals(3, wrapped.apply(2)); // bypasses the outer call, recurses through the decorated one
        assertEquals(List.of(1, 0), seen);
    }

    @Test
    void nullArgumentsAreRefusedWithTheirName() {
        Function<Integer, Integer> fn = x -> x;
        assertEquals("function", assertThrows(NullPointerException.class,
                () -> Decorate.function("f", (Function<Integer, Integer>) null)).getMessage());
        assertEquals("name", assertThrows(NullPointerException.class, () -> Decorate.function(null, fn)).getMessage());
        assertEquals("decorators", assertThrows(NullPointerException.class,
                () -> Decorate.function("f", fn, (Decorator[]) null)).getMessage());
        assertEquals("decorators[1]", assertThrows(NullPointerException.class,
                () -> Decorate.function("f", fn, call -> call.proceed(), null)).getMessage());
        assertEquals("supplier", assertThrows(NullPointerException.class,
                () -> Decorate.supplier("s", (Supplier<String>) null)).getMessage());
        assertEquals("function", assertThrows(NullPointerException.class,
                () -> Decorate.biFunction("b", (BiFunction<Integer, Integer, Integer>) null)).getMessage());
        assertEquals("callable", assertThrows(NullPointerException.class,
                () -> Decorate.callable("c", (Callable<String>) null)).getMessage());
        assertEquals("runnable", assertThrows(NullPointerException.class,
                () -> Decorate.runnable("r", (Runnable) null)).getMessage());
        assertEquals("body", assertThrows(NullPointerException.class,
                () -> Decorate.recursive("r", (BiFunction<Function<Integer, Integer>, Integer, Integer>) null))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decorate.function(" ", fn));
        assertEquals(1, Decorate.function("still works", fn).apply(1));
    }

    @Test
    void aCacheDecoratesOneFunctionOnly() {
        CacheDecorator cache = Decorators.lruCache(4);
        Function<Integer, Integer> f = Decorate.function("f", x -> x, cache);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Decorate.function("g", (Integer x) -> x * 2, cache));
        assertTrue(e.getMessage().contains("already decorates f"), e.getMessage());
        CacheDecorator zero = Decorators.lruCache(0);
        Decorate.supplier("s", () -> 1, zero);
        assertThrows(IllegalStateException.class, () -> Decorate.supplier("t", () -> 2, zero));
        // a failed decoration attaches nothing: the fresh cache listed first is still free
        CacheDecorator fresh = Decorators.cache();
        assertThrows(IllegalStateException.class, () -> Decorate.function("h", x -> x, fresh, cache));
        assertEquals(3, Decorate.function("k", (Integer x) -> x, fresh).apply(3));
        assertEquals(5, f.apply(5));
    }
}
