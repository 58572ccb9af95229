// The in-process tests' global setup: lib/ compiled (test/setup/build.ts), and their temporary
// files under one folder of the run (test/setup/temp-root.ts).
import { compileLib } from './build.ts'
import { useTempRoot } from './temp-root.ts'

export default function setup(): () => void {
  compileLib()
  return useTempRoot()
}
