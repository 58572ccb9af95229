// Where a worker thread's code comes from. From a file beside the module that starts it (lib/ as
// compiled, the bundle's folder as bundled, src/ under the tests), or, in the standalone executable
// (Node's single executable application, scripts/build-binary.mjs), from the asset of that name the
// executable carries: it has no files beside it. The asset is the worker's own bundle, as CommonJS,
// which is how Node runs the code of a worker started with `eval: true`.
// https://nodejs.org/api/single-executable-applications.html#seagetassetkey-encoding
import { getAsset, isSea } from 'node:sea'
import type { WorkerOptions } from 'node:worker_threads'

export interface WorkerScript {
  /** The first argument of `new Worker()`. */
  script: URL | string
  /** The options that go with it (`eval` for an asset's code). */
  options: Pick<WorkerOptions, 'eval'>
}

/**
 * The worker `name` (e.g. 'checksum-worker.js'). `file` gives its file when there is one; it is not
 * called in the standalone executable, whose bundle has no `import.meta.url`.
 */
export function workerScript(name: string, file: () => URL): WorkerScript {
  if (isSea()) return { script: getAsset(name, 'utf8'), options: { eval: true } }
  return { script: file(), options: {} }
}
