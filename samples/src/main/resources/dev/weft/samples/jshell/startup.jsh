// weft à l'invite jshell: ce que `Samples jshell` tape pour vous, après les imports DEFAULT de jshell
// (java.util.*, java.util.concurrent.*, java.util.function.*, java.util.stream.*, java.io.*, ...).
import dev.weft.core.*;
import dev.weft.sync.*;
import dev.weft.async.*;
import dev.weft.parallel.*;
import dev.weft.decorators.*;
// java.util.concurrent.Semaphore, java.util.Timer et java.util.concurrent.locks.{Lock, Condition}
// portent les mêmes noms: ici ce sont ceux de weft (les autres s'écrivent en entier).
import dev.weft.sync.Semaphore;
import dev.weft.sync.Timer;
import dev.weft.sync.Lock;
import dev.weft.sync.Condition;
import java.time.Duration;
import java.time.Instant;
