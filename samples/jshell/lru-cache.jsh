// Notebook 003, B.4: functools.lru_cache. Decorators.lruCache() garde les 128 derniers résultats;
// info() compte hits et misses exactement comme cache_info().
// Lancez `Samples jshell samples/jshell/lru-cache.jsh`, ou tapez ces lignes à l'invite de `Samples jshell`.

Decorator tempsExecution = Decorators.timed((nom, duree) ->
        System.out.println("Cette fonction s'est exécutée en " + duree.toNanos() / 1e9 + " s"));

// 4c. factorial avec @lru_cache(): Decorate.recursive passe au corps la fonction décorée elle-même,
// donc factorial(n - 1) passe par le cache, comme le nom global décoré en Python
CacheDecorator lruCache = Decorators.lruCache();
Function<Integer, BigInteger> factorial = Decorate.recursive("factorial",
        (Function<Integer, BigInteger> self, Integer n) -> n == 1 ? BigInteger.ONE : BigInteger.valueOf(n).multiply(self.apply(n - 1)),
        lruCache);
Function<Integer, List<BigInteger>> boucle = Decorate.function("boucle", n -> {
    List<BigInteger> l = new ArrayList<>();
    for (int k = 1; k < n; k++) {
        l.add(factorial.apply(k));
    }
    return l;
}, tempsExecution);
List<BigInteger> l = boucle.apply(100);
System.out.println(l.subList(0, 5) + " ... " + l.getLast().toString().length() + " chiffres pour 99!");
System.out.println(lruCache.info());   // chaque factorial(k) a trouvé factorial(k - 1) dans le cache

// 4d. print_hello avec @lru_cache(): le premier appel dort (le notebook 5 s, ici 0.2 s), le second est instantané
CacheDecorator cacheHello = Decorators.lruCache();
Callable<String> printHello = Decorate.callable("print_hello", () -> {
    Thread.sleep(Duration.ofMillis(200));
    return "hello";
}, tempsExecution, cacheHello);
String a = printHello.call();
String b = printHello.call();   // trouvé dans le cache: print_hello ne dort pas
System.out.println(a + " " + b + " " + cacheHello.info());
/exit
