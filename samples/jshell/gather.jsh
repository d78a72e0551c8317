// Notebook 003, partie D: asyncio. nom(prenom) dort (time.sleep) puis affiche; en séquentiel les
// attentes s'ajoutent. Async.gather lance chaque appel sur son thread virtuel: les attentes se
// recouvrent, comme `await asyncio.gather(...)`. Le notebook dort 10 s; ici 0.1 s.
// Lancez `Samples jshell samples/jshell/gather.jsh`, ou tapez ces lignes à l'invite de `Samples jshell`.

List<String> prenoms = List.of("Daniel", "Donna", "Diane");
String secondes(long debut) { return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - debut) / 1e9); }

// nom(prenom): la version bloquante (PROBLEME BLOQUANT DU time.sleep)
void nom(String prenom) throws InterruptedException {
    Thread.sleep(Duration.ofMillis(100));
    System.out.println(prenom);
}
System.out.println("Subroutine :");
long debut = System.nanoTime();
for (String prenom : prenoms) {
    nom(prenom);
}
System.out.println("Durée totale d'exécution: " + secondes(debut) + " secondes");

// nom_async(prenom): await asyncio.sleep(10); Async.sleep ne parque que cette tâche
void nomAsync(String prenom) throws InterruptedException {
    Async.sleep(Duration.ofMillis(100));
    System.out.println(prenom);
}
Async.run(() -> {
    System.out.println("\nCoroutine :");
    long debutGather = System.nanoTime();
    Async.gather(prenoms.stream().<Callable<Void>>map(prenom -> () -> { nomAsync(prenom); return null; }).toList());
    System.out.println("Durée totale d'exécution: " + secondes(debutGather) + " secondes");
    return null;
});

// gather rend les résultats dans l'ordre des arguments, quel que soit l'ordre où ils finissent
List<Integer> longueurs = Async.gather(prenoms.stream().<Callable<Integer>>map(p -> () -> p.length()).toList());
System.out.println("longueurs: " + longueurs);
/exit
