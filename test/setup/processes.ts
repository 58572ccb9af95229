// The black-box and slow tests' global setup: the bundles current with src/ (test/setup/build.ts),
// and their temporary files under one folder of the run (test/setup/temp-root.ts).
import { buildBundles } from './build.ts'
import { useTempRoot } from './temp-root.ts'

export default function setup(): () => void {
  buildBundles()
  return useTempRoot()
}
