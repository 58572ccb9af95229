// Prints vitest's totals as one plain closing line ('Tests: N passed, N failed, N skipped').
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync(process.argv[2] ?? '.vitest-report.json', 'utf8')) as {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}
console.log(
  `Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ` +
    `${report.numPendingTests + report.numTodoTests} skipped`,
)
