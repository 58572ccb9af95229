// Node's and glibc's memory defaults suit a long-lived server, not a job that streams gigabytes
// through 1 MiB buffers and lists 100,000 small files. Measured on a 2-core runner, they cost:
// - V8's young generation grows to 16 MB per semi-space (48 MB in all), and the short-lived pieces
//   it promotes fill the old one: 165 MB of heap for a 100,000-file tree, where 1 MB semi-spaces
//   keep it under 30 MB and the run is faster (fewer pages touched);
// - glibc's malloc raises its mmap threshold to the largest buffer freed so far, so every 1 MiB
//   buffer then comes from the heap, which fragments (48-72 MB of heap for 30 MB of live buffers);
//   a fixed 128 KiB threshold returns each big buffer to the system when it is freed. One arena per
//   core at most keeps the worker threads from each holding a heap of their own.
// Neither can be changed once the process runs, so the entry re-executes itself once, in place
// (same process id, so the runner's signals and the step's peak memory are this process's), with
// them set. Where that is not possible (Windows), the run goes on with the defaults.

/** Set in the re-executed process, so that it does not re-execute again. */
const TUNED = 'ONEFICHIER_BACKUP_TUNED'

export const NODE_FLAGS = [
  '--max-semi-space-size=1',
  // A smaller heap, grown by 20% at a time (not up to 4x): collected more often, and still fast
  // enough here, where the work is in zlib, not in JavaScript.
  '--optimize-for-size',
  '--heap-growing-percent=20',
  // undici parses HTTP with WebAssembly (llhttp); optimizing its parser, after a few responses,
  // took 24 MB for a moment. A higher budget leaves the parser on the baseline compiler for the
  // handful of responses a backup reads, while a hash-wasm digest, which runs its code over
  // every byte, is still optimized within its first 100 MB.
  '--wasm-tiering-budget=100000000',
]

/** glibc reads these at start-up; a value the user set is kept. */
const GLIBC_TUNABLES = 'glibc.malloc.mmap_threshold=131072:glibc.malloc.arena_max=2'

/**
 * Replaces this process with the same script under NODE_FLAGS and the malloc settings, unless it
 * already runs so. Returns only when it did not (then the run goes on here, untuned).
 */
export function reexecTuned(): void {
  if (process.env[TUNED] || process.platform === 'win32' || typeof process.execve !== 'function') return
  const env: NodeJS.ProcessEnv = { ...process.env, [TUNED]: '1' }
  if (process.platform === 'linux' && env.GLIBC_TUNABLES === undefined) env.GLIBC_TUNABLES = GLIBC_TUNABLES
  const args = [process.execPath, ...NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)]
  try {
    process.execve(process.execPath, args, env)
  } catch {
    // Not allowed here (a sandbox, a read-only exec): the defaults still work, with more memory.
  }
}

/** One line for the debug log: the settings this process really runs with. */
export function describeRuntime(): string {
  const flags = process.execArgv.length > 0 ? process.execArgv.join(' ') : 'none'
  const tuned = process.env[TUNED] ? 're-executed with memory settings' : 'default memory settings (no re-execution here)'
  const glibc = process.env.GLIBC_TUNABLES ? `, GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES}` : ''
  return `Runtime: Node ${process.version} (pid ${process.pid}), ${tuned}; Node flags: ${flags}${glibc}`
}
