// Notebook 000, section 5: un thread serveur met des nombres dans une queue et attend, avec join(),
// que le client ait marqué chacun task_done(): les deux threads se passent la main.
// Lancez `Samples jshell samples/jshell/queues.jsh`, ou tapez ces lignes à l'invite de `Samples jshell`.
// Le notebook dort 1 s entre chaque étape; ici 0.05 s. Ses deux boucles `while True` ne finissaient
// jamais: ici le serveur met 3 éléments puis ferme la queue (Queue.shutdown() de Python 3.13), et le
// client s'arrête sur QueueShutDownException.

var hasard = new Random();
int randint(int a, int b) { return a + hasard.nextInt(b - a + 1); }
void dort() throws InterruptedException { Thread.sleep(Duration.ofMillis(50)); }

void serveur(JoinableQueue<Integer> q) throws InterruptedException {
    String nom = Thread.currentThread().getName();
    for (int tour = 0; tour < 3; tour++) {
        System.out.println("Début de traitement au niveau serveur \n");
        int element = randint(0, 256);
        q.put(element);
        System.out.println("element " + element + " ajouté à la liste par " + nom + " \n");
        dort();
        System.out.println("Passe la main au thread client \n");
        q.join();   // attend le task_done() du client
    }
    q.shutdown();   // plus d'éléments: le get() suivant du client lève QueueShutDownException
}

void client(JoinableQueue<Integer> q) throws InterruptedException {
    String nom = Thread.currentThread().getName();
    while (true) {
        System.out.println("Début de traitement au niveau client\n");
        int element;
        try {
            element = q.get();
        } catch (QueueShutDownException e) {
            System.out.println("La queue est fermée: fin du client " + nom + "\n");
            return;
        }
        dort();
        System.out.println("element " + element + " extrait de la liste par " + nom + " \n");
        q.taskDone();
        System.out.println("Passe la main au thread serveur \n");
    }
}

JoinableQueue<Integer> q = JoinableQueue.fifo();
try (var scope = TaskScope.open()) {
    scope.fork("Thread-1", () -> { serveur(q); return null; });
    dort();
    scope.fork("Thread-2", () -> { client(q); return null; });
    scope.join();
}
System.out.println("éléments restants: " + q.size());
/exit
