package dev.weft.decorators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract of {@link Decorate#proxy} and {@link Decorate#annotated}. */
class ProxyTest {

    /** A service with a checked exception, a default method and documented methods. */
    public interface Catalog {
        @Doc("Looks a title up.")
        String find(int id) throws IOException;

        int count();

        default String describe(int id) throws IOException {
            return "#" + id + " " + find(id);
        }
    }

    static class MemoryCatalog implements Catalog {
        final AtomicInteger finds = new AtomicInteger();
        final String label;

        MemoryCatalog(String label) {
            this.label = label;
        }

        @Override
        public String find(int id) throws IOException {
            finds.incrementAndGet();
            if (id < 0) {
                throw new FileNotFoundException("no title " + id);
            }
            if (id == 0) {
                throw new IllegalArgumentException("zero");
            }
            return "title " + id;
        }

        @Override
        public int count() {
            return 3;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MemoryCatalog m && m.label.equals(label);
        }

        @Override
        public int hashCode() {
            return label.hashCode();
        }

        @Override
        public String toString() {
            return "MemoryCatalog(" + label + ")";
        }
    }

    @Test
    void decoratorsSeeTheInterfaceMethodWithItsAnnotationsAndDoc() throws IOException {
        List<Invocation> seen = new ArrayList<>();
        Catalog catalog = Decorate.proxy(Catalog.class, new MemoryCatalog("a"), call -> {
            seen.add(call);
            return call.proceed();
        });
        assertEquals("title 7", catalog.find(7));
        Invocation call = seen.get(0);
        assertEquals("find", call.name());
        assertEquals(List.of(7), call.args());
        assertEquals(Optional.of("Looks a title up."), call.doc());
        Method method = call.method().orElseThrow();
        assertEquals(Catalog.class, method.getDeclaringClass());
        assertEquals("Looks a title up.", method.getAnnotation(Doc.class).value());
        assertEquals(3, catalog.count());
        assertEquals(List.of(), seen.get(1).args());
        assertEquals(Optional.empty(), seen.get(1).doc());
        assertTrue(Catalog.class.isInstance(catalog));
    }

    @Test
    void exceptionsFromTheTargetReachTheCallerAsThemselves() {
        Catalog catalog = Decorate.proxy(Catalog.class, new MemoryCatalog("a"), call -> call.proceed(),
                Decorators.timed((n, d) -> { }));
        FileNotFoundException checked = assertThrows(FileNotFoundException.class, () -> catalog.find(-1));
        assertEquals("no title -1", checked.getMessage());
        IllegalArgumentException unchecked = assertThrows(IllegalArgumentException.class, () -> catalog.find(0));
        assertEquals("zero", unchecked.getMessage());
    }

    @Test
    void defaultMethodsRunOnTheTargetAndAreDecorated() throws IOException {
        List<String> names = new ArrayList<>();
        Catalog catalog = Decorate.proxy(Catalog.class, new MemoryCatalog("a"), call -> {
            names.add(call.name());
            return call.proceed();
        });
        assertEquals("#2 title 2", catalog.describe(2));
        // the default method runs on the target, so its inner find() is not decorated again
        assertEquals(List.of("describe"), names);
        assertThrows(FileNotFoundException.class, () -> catalog.describe(-5));
    }

    @Test
    void equalsHashCodeAndToStringFollowTheTarget() {
        MemoryCatalog target = new MemoryCatalog("a");
        Catalog p1 = Decorate.proxy(Catalog.class, target);
        Catalog p2 = Decorate.proxy(Catalog.class, new MemoryCatalog("a"), Decorators.timed((n, d) -> { }));
        Catalog other = Decorate.proxy(Catalog.class, new MemoryCatalog("b"));
        assertEquals(p1, p1);
        assertEquals(p1, p2);
        assertEquals(p2, p1);
        assertNotEquals(p1, other);
        assertNotEquals(p1, target); // a proxy never equals a plain object (symmetry)
        assertFalse(p1.equals(null));
        assertEquals(target.hashCode(), p1.hashCode());
        assertEquals(p1.hashCode(), p2.hashCode());
        assertEquals("MemoryCatalog(a)", p1.toString());
    }

    @Test
    void objectMethodsAreNotDecorated() {
        AtomicInteger calls = new AtomicInteger();
        Catalog catalog = Decorate.proxy(Catalog.class, new MemoryCatalog("a"), call -> {
            calls.incrementAndGet();
            return call.proceed();
        });
        catalog.toString();
        catalog.hashCode();
        catalog.equals(catalog);
        assertEquals(0, calls.get());
    }

    @Test
    void oneCacheOnAProxyKeysByMethodAndArguments() throws IOException {
        MemoryCatalog target = new MemoryCatalog("a");
        CacheDecorator cache = Decorators.lruCache(8);
        Catalog catalog = Decorate.proxy(Catalog.class, target, cache);
        assertEquals("title 1", catalog.find(1));
        assertEquals("title 1", catalog.find(1));
        assertEquals("#1 title 1", catalog.describe(1)); // same argument, other method: its own entry
        assertEquals(3, catalog.count());
        assertEquals(3, catalog.count());
        assertEquals(2, target.finds.get());
        assertEquals(new CacheInfo(2, 3, 8, 3), cache.info());
        assertThrows(IllegalStateException.class, () -> Decorate.proxy(Catalog.class, target, cache));
    }

    @Test
    void stackedDecoratorsOnAProxyRunOutermostFirst() {
        List<String> log = new ArrayList<>();
        Decorator a = call -> {
            log.add("a");
            return call.proceed();
        };
        Decorator b = call -> {
            log.add("b");
            return call.proceed();
        };
        Decorate.proxy(Catalog.class, new MemoryCatalog("x"), a, b).count();
        assertEquals(List.of("a", "b"), log);
    }

    /** Not public: the proxy must still reach its methods. */
    interface Hidden {
        int value();
    }

    @Test
    void aPackagePrivateInterfaceWorks() {
        Hidden hidden = Decorate.proxy(Hidden.class, () -> 42, call -> call.proceed());
        assertEquals(42, hidden.value());
    }

    @Test
    void badInputIsRefusedClearly() {
        MemoryCatalog target = new MemoryCatalog("a");
        IllegalArgumentException notInterface = assertThrows(IllegalArgumentException.class,
                () -> Decorate.proxy(MemoryCatalog.class, target));
        assertTrue(notInterface.getMessage().contains("is not an interface"), notInterface.getMessage());
        assertEquals("iface", assertThrows(NullPointerException.class, () -> Decorate.proxy(null, target)).getMessage());
        assertEquals("target", assertThrows(NullPointerException.class,
                () -> Decorate.proxy(Catalog.class, null)).getMessage());
        assertEquals("decorators[0]", assertThrows(NullPointerException.class,
                () -> Decorate.proxy(Catalog.class, target, (Decorator) null)).getMessage());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Catalog> wrong = (Class) Runnable.class;
        assertThrows(IllegalArgumentException.class, () -> Decorate.proxy(wrong, target));
        assertThrows(IllegalArgumentException.class, () -> Decorate.proxy(Sealed.class, new SealedImpl()));
        assertThrows(IllegalArgumentException.class, () -> Decorate.annotated(MemoryCatalog.class, target));
        assertEquals("out", assertThrows(NullPointerException.class,
                () -> Decorate.annotated(Catalog.class, target, null)).getMessage());
        assertEquals(3, Decorate.proxy(Catalog.class, target).count()); // still works afterwards
    }

    sealed interface Sealed permits SealedImpl {
    }

    static final class SealedImpl implements Sealed {
    }

    /** Every annotation, as the notebook stacks them. */
    public interface Notebook {
        @PrintBefore("voici ce que renvoie la fonction {}")
        @PrintAfter("La fonction a fini de tourner")
        @ShowDoc
        @Doc("Description de ma fonction")
        String printHelloWorld();

        @Timed
        @LruCache
        String printHello(String a);

        @RequireArg(index = 0, contains = ".csv")
        @Timed
        int importerCsv(String path);

        @RequireArg(index = 1, contains = "x", message = "second must contain x")
        String both(String a, String b);

        @LruCache(maxSize = LruCache.UNBOUNDED, typed = true)
        String typed(Object o);

        @LruCache(maxSize = 0)
        String never(String o);
    }

    static final class NotebookImpl implements Notebook {
        final List<String> out;
        final AtomicInteger helloCalls = new AtomicInteger();
        final AtomicInteger typedCalls = new AtomicInteger();
        final AtomicInteger neverCalls = new AtomicInteger();

        NotebookImpl(List<String> out) {
            this.out = out;
        }

        @Override
        public String printHelloWorld() {
            out.add("hello world");
            return null;
        }

        @Override
        public String printHello(String a) {
            helloCalls.incrementAndGet();
            return a;
        }

        @Override
        public int importerCsv(String path) {
            return path.length();
        }

        @Override
        public String both(String a, String b) {
            return a + b;
        }

        @Override
        public String typed(Object o) {
            typedCalls.incrementAndGet();
            return String.valueOf(o);
        }

        @Override
        public String never(String o) {
            neverCalls.incrementAndGet();
            return o;
        }
    }

    @Test
    void annotatedAppliesTheAnnotationsTopOutermost() {
        List<String> out = new ArrayList<>();
        NotebookImpl impl = new NotebookImpl(out);
        Notebook notebook = Decorate.annotated(Notebook.class, impl, out::add);
        notebook.printHelloWorld();
        assertEquals(List.of("voici ce que renvoie la fonction printHelloWorld", "Description de ma fonction",
                "hello world", "La fonction a fini de tourner"), out);
    }

    @Test
    void annotatedTimedAndLruCacheMakeTheSecondCallAHit() {
        List<String> out = new ArrayList<>();
        NotebookImpl impl = new NotebookImpl(out);
        Notebook notebook = Decorate.annotated(Notebook.class, impl, out::add);
        assertEquals("hello", notebook.printHello("hello"));
        assertEquals("hello", notebook.printHello("hello"));
        assertEquals(1, impl.helloCalls.get());
        assertEquals(2, out.size()); // @Timed is outside the cache: both calls are timed
        assertTrue(out.get(0).startsWith("printHello took "), out.get(0));
        assertEquals(1, notebook.typed(3).length());
        assertEquals("3.0", notebook.typed(3.0));
        assertEquals("3", notebook.typed(3));
        assertEquals(2, impl.typedCalls.get());
        notebook.never("a");
        notebook.never("a");
        assertEquals(2, impl.neverCalls.get());
    }

    @Test
    void annotatedRequireArgChecksBeforeTheCall() {
        List<String> out = new ArrayList<>();
        Notebook notebook = Decorate.annotated(Notebook.class, new NotebookImpl(out), out::add);
        assertEquals(9, notebook.importerCsv("adult.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> notebook.importerCsv("adult"));
        assertEquals("argument 0 of importerCsv must contain '.csv'", e.getMessage());
        assertEquals(1, out.size()); // only the successful call was timed: the check is outermost
        assertEquals("ax", notebook.both("a", "x"));
        assertEquals("second must contain x",
                assertThrows(IllegalArgumentException.class, () -> notebook.both("a", "b")).getMessage());
    }

    @Test
    void annotatedWithoutASinkLogsAndStillWorks() {
        Notebook notebook = Decorate.annotated(Notebook.class, new NotebookImpl(new ArrayList<>()));
        assertEquals("x", notebook.printHello("x"));
        assertEquals(5, notebook.importerCsv("a.csv"));
    }

    public interface BadIndex {
        @RequireArg(index = 2, contains = "x")
        String one(String a);
    }

    public interface BadSize {
        @LruCache(maxSize = -5)
        String one(String a);
    }

    @Test
    void annotationsThatDoNotFitTheirMethodAreRefused() {
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
                () -> Decorate.annotated(BadIndex.class, a -> a));
        assertTrue(index.getMessage().contains("index = 2"), index.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Decorate.annotated(BadSize.class, a -> a));
        assertTrue(size.getMessage().contains("maxSize = -5"), size.getMessage());
    }

    @Test
    void aProxyTimedWithAFakeClockReportsTheMethodName() {
        FakeClock clock = new FakeClock().autoIncrement(Duration.ofMillis(5));
        List<String> names = new ArrayList<>();
        Catalog catalog = Decorate.proxy(Catalog.class, new MemoryCatalog("a"),
                Decorators.timed((name, d) -> names.add(name + " " + d.toMillis()), clock));
        catalog.count();
        assertEquals(List.of("count 5"), names);
        UnsupportedOperationException e = new UnsupportedOperationException("x");
        Catalog failing = Decorate.proxy(Catalog.class, new MemoryCatalog("b") {
            @Override
            public int count() {
                throw e;
            }
        });
        assertSame(e, assertThrows(UnsupportedOperationException.class, failing::count));
        assertInstanceOf(Catalog.class, failing);
    }
}
