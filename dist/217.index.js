export const id = 217;
export const ids = [217];
export const modules = {

/***/ 20217:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ describeRuntime),
/* harmony export */   reexecTuned: () => (/* binding */ reexecTuned)
/* harmony export */ });
/* unused harmony export NODE_FLAGS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
// Node's and glibc's memory defaults suit a long-lived server, not a job that streams gigabytes
// through 1 MiB buffers and lists 100,000 small files. Measured on a 2-core machine:
// - V8's young generation grows to 16 MB per semi-space, and the short-lived pieces it promotes
//   fill the old generation, which may grow up to 4x between collections: 165 MB of heap for a
//   100,000-file tree, under 35 MB with the flags below (and the run is no slower);
// - glibc's malloc raises its mmap threshold to the largest buffer freed so far, so every 1 MiB
//   buffer then comes from the heap, which fragments (48-72 MB of heap for 30 MB of live buffers);
//   a fixed 128 KiB threshold returns each big buffer to the system when it is freed, and two
//   arenas at most keep each thread of libuv's pool from holding a heap of its own.
// Peak RSS went from 168-194 MB to 109-121 MB on a 1 GiB tree and a 3 GiB file, with the same speed.
// Neither can be changed once the process runs, so the entry re-executes itself once, in place
// (same process id, so the runner's signals and the step's peak memory are this process's), with
// them set. Where that is not possible (Windows), the run goes on with the defaults.

/**
 * Set to REEXECUTED in the re-executed process, so that it does not re-execute again. A user sets
 * it (to anything else) to skip the re-execution.
 */
const TUNED = 'ONEFICHIER_BACKUP_TUNED';
const REEXECUTED = 'reexecuted';
const NODE_FLAGS = [
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
];
/** glibc reads these at start-up; a value the user set is kept. */
const GLIBC_TUNABLES = 'glibc.malloc.mmap_threshold=131072:glibc.malloc.arena_max=2';
/**
 * Replaces this process with the same script under NODE_FLAGS and the malloc settings, unless it
 * already runs so. Returns only when it did not (then the run goes on here, untuned).
 */
function reexecTuned() {
    if (process.env[TUNED] || process.platform === 'win32' || typeof process.execve !== 'function')
        return;
    const env = { ...process.env, [TUNED]: REEXECUTED };
    if (process.platform === 'linux' && env.GLIBC_TUNABLES === undefined)
        env.GLIBC_TUNABLES = GLIBC_TUNABLES;
    const args = [process.execPath, ...NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)];
    // A failed execve aborts Node (it cannot be caught), so what could make it fail is checked
    // first: the binary must still be executable, and arguments and environment must stay well
    // under the kernel's limit (ARG_MAX, 2 MB by default), which the runner's environment nears
    // only if something is wrong with it.
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(process.execPath, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
    }
    catch {
        return;
    }
    let size = 0;
    for (const arg of args)
        size += Buffer.byteLength(arg) + 1;
    for (const [key, value] of Object.entries(env))
        size += Buffer.byteLength(key) + Buffer.byteLength(value ?? '') + 2;
    if (size > 1024 * 1024)
        return;
    process.execve(process.execPath, args, env);
}
/** One line for the debug log: the settings this process really runs with. */
function describeRuntime() {
    const flags = process.execArgv.length > 0 ? process.execArgv.join(' ') : 'none';
    const tuned = process.env[TUNED] === REEXECUTED
        ? 're-executed with memory settings'
        : process.env[TUNED]
            ? `default memory settings (${TUNED} is set: re-execution skipped)`
            : 'default memory settings (no re-execution on this platform)';
    const glibc = process.env.GLIBC_TUNABLES ? `, GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES}` : '';
    return `Runtime: Node ${process.version} (pid ${process.pid}), ${tuned}; Node flags: ${flags}${glibc}`;
}


/***/ })

};
