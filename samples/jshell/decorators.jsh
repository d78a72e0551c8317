// Notebook 003, partie B: les décorateurs. Un décorateur entoure une fonction; Decorate l'applique,
// et le premier décorateur donné est la ligne @ du haut. Les lambdas n'ont pas de nom: on le donne.
// Lancez `Samples jshell samples/jshell/decorators.jsh`, ou tapez ces lignes à l'invite de `Samples jshell`.

// 1. print_before_execution: nomme la fonction avant de l'exécuter ({} est son nom)
Decorator printBeforeExecution = Decorators.printBefore("voici ce que renvoie la fonction {}", System.out::println);
Runnable printHelloWorld = Decorate.runnable("print_hello_world", () -> System.out.println("hello world"),
        printBeforeExecution);
printHelloWorld.run();

// 3. Enchaîner les décorateurs: l'ordre des @
Decorator printAfterExecution = Decorators.printAfter("La fonction a fini de tourner", System.out::println);
System.out.println("# @print_after_execution puis @print_before_execution :");
Decorate.runnable("print_hello_world", () -> System.out.println("hello world"),
        printAfterExecution, printBeforeExecution).run();
System.out.println("# @print_before_execution puis @print_after_execution :");
Decorate.runnable("print_hello_world", () -> System.out.println("hello world"),
        printBeforeExecution, printAfterExecution).run();

// Un décorateur écrit à la main: entree_contient(a_contenir) n'appelle la fonction que si son
// premier argument contient a_contenir, et sinon rend un message
Decorator entreeContient(String aContenir) {
    return call -> String.valueOf(call.args().getFirst()).contains(aContenir)
            ? call.proceed()
            : "la première entrée doit contenir " + aContenir;
}
Function<String, String> importerCsv = Decorate.function("importer_csv",
        "Fonction qui permet d'importer un fichier csv dans un DataFrame pandas.",
        chemin -> "importé: " + chemin, entreeContient(".csv"));
System.out.println(importerCsv.apply("adult.csv"));
System.out.println(importerCsv.apply("adult.txt"));

// temps_execution: combien de temps la fonction a tourné (le notebook: time.time() avant et après)
Decorator tempsExecution = Decorators.timed((nom, duree) ->
        System.out.println("Cette fonction s'est exécutée en " + duree.toNanos() / 1e9 + " s"));
Supplier<String> lent = Decorate.supplier("lent", () -> {
    try { Thread.sleep(Duration.ofMillis(20)); } catch (InterruptedException ex) { Thread.currentThread().interrupt(); }
    return "fini";
}, tempsExecution);
System.out.println(lent.get());

// functools.wraps est compris: la fonction décorée garde son nom
System.out.println("nom: " + printHelloWorld);
/exit
