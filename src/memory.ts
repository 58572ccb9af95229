// V8 frees a dead Buffer's memory only at its next collection, and it lets about 64 MB of such
// external memory pile up before it collects: for a backup that streams gigabytes through 1 MiB
// buffers, that pile (and the allocator's fragmentation around it) was most of the peak memory.
// Buffers that one piece of code alone owns are freed here as soon as it is done with them.

/**
 * Frees the memory behind `buffer` now (its ArrayBuffer is detached: every view of it becomes
 * empty). Only for a buffer whose ArrayBuffer nothing else still reads: no other view, no pending
 * I/O. Slices of Node's shared pool (small allocUnsafe buffers) are never touched.
 */
export function freeNow(buffer: ArrayBufferView): void {
  const memory = buffer.buffer
  if (memory instanceof ArrayBuffer && !memory.detached && memory.byteLength > Buffer.poolSize) memory.transfer(0)
}
