// Notebook 000, section 6: le serveur ajoute un élément à une liste et signale un Event; le client
// attend l'événement, puis prend l'élément. Attendre qu'une chose devienne vraie, sans tenir de verrou.
// Lancez `Samples jshell samples/jshell/events.jsh`, ou tapez ces lignes à l'invite de `Samples jshell`.
// Corrigé du notebook: le serveur y faisait set() avant d'ajouter et le client prenait sans attendre;
// ici set() vient une fois l'élément dans la liste, et le client attend avant de prendre.

var hasard = new Random();
Event e = new Event();
List<Integer> liste = new ArrayList<>();

try (var scope = TaskScope.open()) {
    scope.fork("Thread-1", () -> {
        String nom = Thread.currentThread().getName();
        System.out.println("Le début de traitement au niveau serveur \n");
        int element = hasard.nextInt(257);
        liste.add(element);
        System.out.println("Element " + element + " à été ajouté au niveau de la liste par " + nom + "\n");
        System.out.println("Passe la main au thread client \n");
        e.set();                                    // l'élément est là
        return null;
    });
    scope.fork("Thread-2", () -> {
        String nom = Thread.currentThread().getName();
        System.out.println("Le début de traitement au niveau client \n");
        e.await();                                  // attend le set() du serveur
        int element = liste.removeLast();
        System.out.println("Element " + element + " à été extrait de la liste par " + nom + "\n");
        e.clear();
        System.out.println("Passe la main au thread serveur \n");
        return null;
    });
    scope.join();
}

// await(Duration) rend false si l'événement n'est pas arrivé à temps (Python: wait(timeout) rend False)
System.out.println("événement levé: " + e.isSet() + ", attendu 10 ms: " + e.await(Duration.ofMillis(10)));
/exit
