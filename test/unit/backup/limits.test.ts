// 1fichier's own limits, said before any upload: no empty file, nothing over 300 GB (rclone's rules).
import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES, checkServiceLimits } from '../../../src/backup/run.js'

describe('service limits', () => {
  it('refuses an empty zip and one over 300 GB with what to do; takes anything between', () => {
    expect(() => checkServiceLimits(0, 'a.zip')).toThrow(
      /a\.zip is empty \(0 bytes\) and 1fichier refuses empty files; nothing was uploaded/,
    )
    expect(() => checkServiceLimits(MAX_UPLOAD_BYTES + 1, 'b.zip')).toThrow(
      /over the 300 GB that 1fichier accepts for one file\. Split the backup/,
    )
    expect(() => checkServiceLimits(MAX_UPLOAD_BYTES, 'c.zip')).not.toThrow()
    expect(() => checkServiceLimits(22, 'd.zip')).not.toThrow()
  })
})
