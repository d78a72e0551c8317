// Notebook 000, sections 2 et 3: deux threads comptent une valeur partagée jusqu'à 100 en entrant
// tour à tour dans la zone critique, gardée par un Semaphore, puis un Lock (mutex), puis un RLock.
// Lancez `Samples jshell samples/jshell/locks.jsh`, ou tapez ces lignes à l'invite de `Samples jshell`.
// Le notebook dort randint(1, 4) s avant chaque entrée; ici randint(1, 4) ms.

var hasard = new Random();
int randint(int a, int b) { return a + hasard.nextInt(b - a + 1); }   // random.randint: a et b compris

// La zone critique: comment un thread y entre et en sort
interface Zone { void entrer() throws InterruptedException; void sortir(); }

void programme(int identite, AtomicInteger valeur, Zone zone) throws InterruptedException {
    while (valeur.get() < 100) {
        Thread.sleep(randint(1, 4));
        System.out.println("Thread: " + identite + " essais d'entrée à la zonne critique \n");
        zone.entrer();
        try {
            System.out.println("La valeur est " + valeur.incrementAndGet());
        } finally {
            zone.sortir();
        }
        System.out.println("Thread: " + identite + " sortie de la zonne critique \n");
    }
}

void deuxThreads(Zone zone) throws InterruptedException {
    var valeur = new AtomicInteger(1);
    try (var scope = TaskScope.open()) {
        for (int i = 1; i < 3; i++) {
            int identite = i;
            scope.fork("Thread: " + i, () -> { programme(identite, valeur, zone); return null; });
        }
        scope.join();
    }
}

// 2. Semaphore(1): un seul thread à la fois dans la zone
System.out.println("# Semaphore");
Semaphore s = new Semaphore();
deuxThreads(new Zone() {
    public void entrer() throws InterruptedException { s.acquire(); }
    public void sortir() { s.release(); }
});

// 3. Lock: le mutex; comme en Python, n'importe quel thread peut le relâcher
System.out.println("# Lock");
Lock verrou = new Lock();
deuxThreads(new Zone() {
    public void entrer() throws InterruptedException { verrou.acquire(); }
    public void sortir() { verrou.release(); }
});

// RLock: le thread qui le tient peut le reprendre (ici trois fois), et le relâche autant de fois
System.out.println("# RLock");
RLock r = new RLock();
deuxThreads(new Zone() {
    public void entrer() throws InterruptedException { r.acquire(); r.acquire(); r.acquire(); }
    public void sortir() { r.release(); r.release(); r.release(); }
});

// `with lock:` s'écrit try (var g = verrou.hold()) { ... }: relâché même sur une exception
try (var g = verrou.hold()) {
    System.out.println("verrouillé: " + verrou.isLocked());
}
System.out.println("verrouillé: " + verrou.isLocked());
/exit
