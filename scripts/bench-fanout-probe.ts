/**
 * Preloaded (`node --import`) into the server processes that `scripts/bench-fanout.ts` starts: answers
 * the message "memory" on the IPC channel with the process's `memoryUsage()` taken right after a full
 * garbage collection, so the benchmark can report a child's heap, not only the RSS that `ps` shows.
 * It does nothing else, and nothing at all when the process has no IPC channel.
 */
import v8 from "node:v8";
import vm from "node:vm";

if (process.send) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  process.on("message", (message) => {
    if (message !== "memory") return;
    gc();
    process.send?.({ type: "memory", ...process.memoryUsage() });
  });
  // The channel must not keep the server alive once it is asked to shut down.
  process.channel?.unref();
}
