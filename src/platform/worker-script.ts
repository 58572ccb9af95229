// Where a worker thread's code comes from, the one way every worker is started: from the file beside
// the module that starts it (lib/ as compiled, the bundle's folder as bundled; under the tests, which
// run the module from src/, the compiled file in lib/ that their global setup builds), or, in the standalone executable
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
 * The worker `name` (e.g. 'checksum-worker.js') for the module at `moduleUrl` (its `import.meta.url`,
 * which the standalone executable's bundle does not have: it is not read there).
 */
export function workerScript(name: string, moduleUrl: string): WorkerScript {
  if (isSea()) return { script: getAsset(name, 'utf8'), options: { eval: true } }
  const beside = new URL(`./${name}`, moduleUrl)
  const compiled = moduleUrl.endsWith('.ts') ? new URL(beside.href.replace('/src/', '/lib/')) : beside
  return { script: compiled, options: {} }
}
