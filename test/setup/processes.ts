// The black-box and slow tests' global setup: the bundles current with src/ (test/setup/build.ts).
export { buildBundles as default } from './build.ts'
