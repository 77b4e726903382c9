// Benchmark harness: filled in by the retry issue (npm run bench).
console.log('no benchmarks yet');
