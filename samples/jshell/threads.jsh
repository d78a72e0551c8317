// Notebook 003, A.a: process_one et process_two, en séquentiel puis en threads.
// Lancez `Samples jshell samples/jshell/threads.jsh`, ou tapez ces lignes à l'invite de `Samples jshell`.
// Le notebook dort 0.3 s après chaque print; ici 0.03 s.

void repete(String marque) throws InterruptedException {
    int i = 0;
    while (i < 3) {
        System.out.println(marque);
        Thread.sleep(Duration.ofMillis(30));
        i += 1;
    }
}
void processOne() throws InterruptedException { repete("oooooooooooo"); }
void processTwo() throws InterruptedException { repete("xxxxxxxxxxxx"); }   // une autre marque pour les distinguer

// 1 - programme séquentiel (programmation synchrone): process_one, puis process_two
System.out.println("# séquentiel");
processOne();
processTwo();

// 2 - programme en threading: Thread(target=...) et start() deviennent scope.fork, les join() un scope.join()
System.out.println("# threads");
try (var scope = TaskScope.open()) {
    scope.fork("th1", () -> { processOne(); return null; });
    scope.fork("th2", () -> { processTwo(); return null; });
    scope.join();   // le join() permet que les threads s'attendent avant de poursuivre
}
System.out.println("Fin de Programme !");   // après les deux threads: à la sortie du scope, aucun ne tourne plus
/exit
