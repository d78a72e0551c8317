import dev.weft.parallel.*;
int k = 10;
record Point(int a) implements java.io.Serializable {}
var options = ProcessPoolOptions.builder().workers(2).jvmArgs(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")).build();
try (Pool pool = Pool.processes(options)) { System.out.println("LAMBDA " + pool.map(x -> x + k, List.of(1, 2, 3))); System.out.println("RECORD " + pool.map((Point p) -> new Point(p.a() * 2).toString(), List.of(new Point(1), new Point(5)))); }
System.out.println("PROCESS " + JvmProcess.start((Integer x) -> x * k, 4, List.of("-Xmx64m")).result());
/exit
