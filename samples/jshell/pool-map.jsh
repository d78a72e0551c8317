// Notebook 003, C.3: multiprocessing.Pool(...).map. Pool.processes(2) lance deux JVM filles; map y
// répartit les entrées et rend les résultats dans l'ordre des entrées. La fonction est une lambda
// tapée à l'invite, typée SerializableFunction pour voyager jusqu'aux JVM filles (le notebook, lui,
// devait passer par `multiprocess`: une fonction définie dans un notebook ne se pickle pas).
// Lancez `Samples jshell samples/jshell/pool-map.jsh`, ou tapez ces lignes à l'invite de `Samples jshell`.

// calcul_while(x): compte x jusqu'à zéro (le hash empêche le JIT de sauter la boucle)
SerializableFunction<Long, Long> calculWhile = nombre -> {
    long x = nombre;   // un long, pas un Long: la boucle ne crée pas un objet par tour
    long hash = 0;
    while (x > 0) {
        x -= 1;
        hash = hash * 31 + x;
    }
    return hash;
};
// On définit la liste d'arguments: ceux du notebook divisés par dix (5 000 000, 3 000 000, 6 000 000, 10 000 000)
List<Long> nombres = List.of(500_000L, 300_000L, 600_000L, 1_000_000L);

// calcul_lourd(range(n)): pour k de 1 à 49, ajoute x * x ** (1/k * k ** 1.5) à chaque x de range(n)
SerializableFunction<Integer, double[]> calculLourd = n -> {
    double[] resultat = new double[n];
    for (int k = 1; k < 50; k++) {
        double puissance = 1.0 / k * Math.pow(k, 3.0 / 2);
        for (int x = 0; x < n; x++) {
            resultat[x] += x * Math.pow(x, puissance);
        }
    }
    return resultat;
};

long t1 = System.nanoTime();   // On démarre la mesure du temps
try (Pool pool = Pool.processes(2)) {   // On crée les processus
    List<Long> resultat = pool.map(calculWhile, nombres);   // On répartit l'exécution entre les processus
    System.out.println("Durée de la solution 1 : " + (System.nanoTime() - t1) / 1e9);
    System.out.println("# " + resultat.size() + " résultats, le même que sans pool: "
            + resultat.equals(nombres.stream().map(calculWhile).toList()));

    List<double[]> lourds = pool.map(calculLourd, List.of(1_000, 5_000, 4_000, 7_000));
    System.out.println("La complétion du programme en parallèle prend : " + (System.nanoTime() - t1) / 1e9);
    System.out.println("# " + lourds.size() + " résultats, de longueurs " + lourds.stream().map(r -> r.length).toList());
}
/exit
