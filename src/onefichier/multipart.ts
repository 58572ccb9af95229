// A multipart/form-data body with its exact length known up front: 1fichier requires a
// Content-Length on upload.cgi, so the file is streamed between a fixed preamble and epilogue.
// Laid out as Go's mime/multipart writes it (rclone's client): fields first, then `file[]`.
import { randomBytes } from 'node:crypto'

export interface MultipartLayout {
  contentType: string
  preamble: Buffer
  epilogue: Buffer
  /** preamble + file + epilogue, in bytes. */
  contentLength: number
}

function escapeQuoted(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
}

export function multipartLayout(
  fields: ReadonlyArray<readonly [string, string]>,
  file: { field: string; fileName: string; size: number },
  boundary = randomBytes(30).toString('hex'),
): MultipartLayout {
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"\r\n\r\n${value}\r\n`,
  )
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(file.field)}"; ` +
      `filename="${escapeQuoted(file.fileName)}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  )
  const preamble = Buffer.from(parts.join(''), 'utf8')
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')
  return {
    // Unquoted boundary: an older client found quoted ones refused.
    contentType: `multipart/form-data; boundary=${boundary}`,
    preamble,
    epilogue,
    contentLength: preamble.length + file.size + epilogue.length,
  }
}
