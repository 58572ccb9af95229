// The in-process tests' global setup: lib/ compiled (test/setup/build.ts).
export { compileLib as default } from './build.ts'
