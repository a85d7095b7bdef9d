using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(DualStack.Benchmarks.CorpusBenchmarks).Assembly).Run(args);
