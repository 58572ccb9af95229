import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  PQ: () => (/* binding */ BatchScratch),
  MJ: () => (/* binding */ WORKER_ROLE),
  W7: () => (/* binding */ processBatch)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./lib/zip/small-file-worker.js
// Reads, deflates and CRCs a batch of small files, synchronously: on a worker thread (small-files.ts
// starts this file as one), or in the calling thread for the first few files of a run.
// Bundled on its own beside each bundle that starts it (scripts/build.mjs), as the checksum worker is.



/** Set in workerData by the pool, so that importing this file elsewhere starts nothing. */
const WORKER_ROLE = '1fichier-backup:small-files';
/** Buffers a thread keeps from one batch to the next: a file costs no read buffer of its own. */
class BatchScratch {
    /** One file's bytes (these files are small). */
    read = Buffer.allocUnsafe(64 * 1024);
    /** The batch's outputs, then (when kept) its raw bytes, end to end before they are copied out. */
    out = Buffer.allocUnsafe(256 * 1024);
    raw = Buffer.allocUnsafe(0);
    /** `buffer` (out or raw) with room for `more` bytes after `used`, grown (doubling) when short. */
    reserve(key, used, more) {
        const buffer = this[key];
        if (buffer.length - used >= more)
            return buffer;
        const grown = Buffer.allocUnsafe(Math.max(used + more, 2 * buffer.length));
        buffer.copy(grown, 0, 0, used);
        this[key] = grown;
        return grown;
    }
}
/**
 * Up to `size` bytes of the file; one byte more is asked for: getting it means the file grew
 * (it is cut at the size). The bytes stay in scratch.read until the next file.
 */
function readSmall(file, size, scratch) {
    if (scratch.read.length < size + 1)
        scratch.read = Buffer.allocUnsafe(size + 1);
    const fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
    try {
        let read = 0;
        let n = 0;
        while (read <= size && (n = (0,external_node_fs_namespaceObject.readSync)(fd, scratch.read, read, size + 1 - read, read)) > 0)
            read += n;
        return { raw: scratch.read.subarray(0, Math.min(read, size)), changed: read !== size };
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** Deflates `raw` into scratch.out at `at`; returns the length. One output buffer, sized to deflate's bound. */
function deflateInto(raw, level, scratch, at) {
    const out = (0,external_node_zlib_namespaceObject.deflateRawSync)(raw, { level, chunkSize: Math.max(1024, raw.length + (raw.length >>> 3) + 64) });
    return out.copy(scratch.reserve('out', at, out.length), at);
}
function processBatch(request, scratch) {
    const { files, level, keepRaw } = request;
    const n = files.length;
    const outLengths = new Float64Array(n);
    const sizes = new Float64Array(n);
    const crcs = new Float64Array(n);
    const changed = new Uint8Array(n);
    const errors = new Array(n).fill(null);
    let outAt = 0;
    let rawAt = 0;
    for (let i = 0; i < n; i++) {
        const file = files[i];
        try {
            const { raw, changed: sizeChanged } = readSmall(file.path, file.size, scratch);
            const length = file.store
                ? raw.copy(scratch.reserve('out', outAt, raw.length), outAt)
                : deflateInto(raw, level, scratch, outAt);
            const crc = (0,external_node_zlib_namespaceObject.crc32)(raw);
            if (keepRaw)
                raw.copy(scratch.reserve('raw', rawAt, raw.length), rawAt);
            // Taken only once everything went well: a file that failed leaves no bytes in the batch.
            outAt += length;
            rawAt += keepRaw ? raw.length : 0;
            outLengths[i] = length;
            sizes[i] = raw.length;
            crcs[i] = crc;
            changed[i] = sizeChanged ? 1 : 0;
        }
        catch (error) {
            errors[i] = {
                message: error instanceof Error ? error.message : String(error),
                code: error.code,
            };
        }
    }
    // Exact-size copies leave the thread (their memory is transferred); the scratch stays for the next batch.
    const take = (from, length) => new Uint8Array(from.subarray(0, length));
    return {
        id: request.id,
        out: take(scratch.out, outAt),
        raw: keepRaw ? take(scratch.raw, rawAt) : null,
        outLengths,
        sizes,
        crcs,
        changed,
        errors,
    };
}
/** On a worker thread started by the pool: one batch per message, its buffers transferred back. */
function serveBatches(port) {
    const scratch = new BatchScratch();
    port.on('message', (request) => {
        const batch = processBatch(request, scratch);
        const transfer = [batch.out, batch.outLengths, batch.sizes, batch.crcs, batch.changed].map((view) => view.buffer);
        if (batch.raw)
            transfer.push(batch.raw.buffer);
        port.postMessage(batch, transfer);
    });
}
if (!external_node_worker_threads_namespaceObject.isMainThread && external_node_worker_threads_namespaceObject.parentPort && external_node_worker_threads_namespaceObject.workerData === WORKER_ROLE)
    serveBatches(external_node_worker_threads_namespaceObject.parentPort);

var __webpack_exports__BatchScratch = __webpack_exports__.PQ;
var __webpack_exports__WORKER_ROLE = __webpack_exports__.MJ;
var __webpack_exports__processBatch = __webpack_exports__.W7;
export { __webpack_exports__BatchScratch as BatchScratch, __webpack_exports__WORKER_ROLE as WORKER_ROLE, __webpack_exports__processBatch as processBatch };
