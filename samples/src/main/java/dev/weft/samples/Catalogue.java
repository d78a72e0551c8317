package dev.weft.samples;

import dev.weft.samples.async.CoroutineSample;
import dev.weft.samples.channels.PipelineSample;
import dev.weft.samples.async.NameCalculationSequentialSample;
import dev.weft.samples.async.NameCalculationTasksSample;
import dev.weft.samples.async.NomGatherSample;
import dev.weft.samples.async.NomSequentialSample;
import dev.weft.samples.async.WikiGatherSample;
import dev.weft.samples.async.WikiSequentialSample;
import dev.weft.samples.decorators.AfficheDocSample;
import dev.weft.samples.decorators.ChainCsvSample;
import dev.weft.samples.decorators.ChainOrderSample;
import dev.weft.samples.decorators.DecorateurParametreSample;
import dev.weft.samples.decorators.EntreeContientSample;
import dev.weft.samples.decorators.FactorialTimedSample;
import dev.weft.samples.decorators.HelloUncachedSample;
import dev.weft.samples.decorators.LruCacheFactorialSample;
import dev.weft.samples.decorators.LruCacheHelloSample;
import dev.weft.samples.decorators.MetadataLostSample;
import dev.weft.samples.decorators.OrdreResilienceSample;
import dev.weft.samples.decorators.PrintBeforeSample;
import dev.weft.samples.decorators.TempsExecutionSample;
import dev.weft.samples.decorators.WrapsSample;
import dev.weft.samples.multi.CalculLourdPoolSample;
import dev.weft.samples.multi.CalculLourdSequentialSample;
import dev.weft.samples.multi.CalculWhilePoolSample;
import dev.weft.samples.multi.CalculWhileProcessesSample;
import dev.weft.samples.multi.CalculWhileSequentialSample;
import dev.weft.samples.multi.NameCalculSample;
import dev.weft.samples.multi.WikipediaSequentialSample;
import dev.weft.samples.multi.WikipediaThreadsSample;
import dev.weft.samples.threading.ConditionSample;
import dev.weft.samples.threading.EventSample;
import dev.weft.samples.threading.GatherCounterSample;
import dev.weft.samples.threading.LockSample;
import dev.weft.samples.threading.ProgramSequentialSample;
import dev.weft.samples.threading.ProgramThreadSample;
import dev.weft.samples.threading.QueueSample;
import dev.weft.samples.threading.RLockSample;
import dev.weft.samples.threading.SemaphoreSample;
import dev.weft.samples.threads.LettersLockedSample;
import dev.weft.samples.threads.LettersUnlockedSample;
import dev.weft.samples.threads.SequentialSample;
import dev.weft.samples.threads.SubclassSample;
import dev.weft.samples.threads.ThreadSample;
import java.util.List;

/**
 * Every ported cell, in the notebooks' order: notebook 000 (threading and coroutines), then
 * notebook 003 (decorators, threads, multithreading and multiprocessing, async functions), then
 * the cells that show what weft adds (channels).
 *
 * <pre>{@code
 * for (Cell cell : Catalogue.cells()) {
 *     System.out.println(cell.id() + "  " + cell.title());
 * }
 * }</pre>
 */
public final class Catalogue {

    private Catalogue() {
    }

    /** {@return a new list of every cell, in order} */
    public static List<Cell> cells() {
        return List.of(
                // 000 — Le threading & coroutine
                new ProgramSequentialSample(),
                new ProgramThreadSample(),
                new SemaphoreSample(),
                new LockSample(),
                new RLockSample(),
                new ConditionSample(),
                new QueueSample(),
                new EventSample(),
                new GatherCounterSample(),
                // 003 B — Décorateurs
                new PrintBeforeSample(),
                new AfficheDocSample(),
                new TempsExecutionSample(),
                new DecorateurParametreSample(),
                new EntreeContientSample(),
                new ChainOrderSample(),
                new ChainCsvSample(),
                new MetadataLostSample(),
                new WrapsSample(),
                new FactorialTimedSample(),
                new LruCacheFactorialSample(),
                new LruCacheHelloSample(),
                new HelloUncachedSample(),
                new OrdreResilienceSample(),
                // 003 C — Multi-Threading et Multi-Processing
                new SequentialSample(),
                new ThreadSample(),
                new SubclassSample(),
                new LettersUnlockedSample(),
                new LettersLockedSample(),
                // 003 DS — Multithreading et multiprocessing
                new NameCalculSample(),
                new WikipediaSequentialSample(),
                new WikipediaThreadsSample(),
                new CalculLourdSequentialSample(),
                new CalculLourdPoolSample(),
                new CalculWhileSequentialSample(),
                new CalculWhilePoolSample(),
                new CalculWhileProcessesSample(),
                // 003 D — Fonctions asynchrones
                new CoroutineSample(),
                new NomSequentialSample(),
                new NomGatherSample(),
                new NameCalculationSequentialSample(),
                new NameCalculationTasksSample(),
                new WikiSequentialSample(),
                new WikiGatherSample(),
                // weft — beyond the notebooks
                new PipelineSample());
    }
}
