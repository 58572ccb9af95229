// What a backup made on Windows stores, so that it restores sanely on Linux and macOS. Windows has
// no Unix modes: libuv reports 0666 (0444 read-only) for files and 0777 for folders, which stored
// as they are would restore world-writable. They are normalised as actions/upload-artifact
// documents: files 0644, executables and folders 0755. Link targets are stored with `/`.

/** File names Windows runs as programs: stored executable. */
const WINDOWS_EXECUTABLE = /\.(exe|com|bat|cmd|ps1|sh)$/i

export function portableMode(
  kind: 'file' | 'directory' | 'symlink',
  mode: number,
  name: string,
  platform: NodeJS.Platform = process.platform,
): number {
  if (platform !== 'win32') return mode & 0o7777
  if (kind === 'directory') return 0o755
  if (kind === 'symlink') return 0o777
  return WINDOWS_EXECUTABLE.test(name) ? 0o755 : 0o644
}

export function portableLinkTarget(target: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? target.replace(/\\/g, '/') : target
}
