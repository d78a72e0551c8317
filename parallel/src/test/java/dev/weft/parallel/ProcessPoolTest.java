package dev.weft.parallel;

import dev.weft.parallel.contract.PoolContractTest;

/** The {@link Pool} contract on {@link Pool#processes(int)}: persistent child JVMs. */
class ProcessPoolTest extends PoolContractTest {

    @Override
    protected Pool newPool(int workers) {
        return Pool.processes(workers);
    }
}
