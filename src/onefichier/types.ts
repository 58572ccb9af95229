// Request and response shapes of the 1fichier API (https://1fichier.com/api.html, and rclone's
// structs.go in https://github.com/rclone/rclone/tree/master/backend/fichier). Numbers arrive as
// numbers or numeric strings depending on the endpoint, so readers below are lenient.

export interface UploadServer {
  /** Bare host name of the upload node (e.g. up2.1fichier.com). */
  url: string
  id: string
}

export interface UploadLink {
  download: string
  filename: string
  size: string | number
  whirlpool: string
  remove?: string
}

export interface UploadResult {
  incoming?: number
  links?: UploadLink[]
}

export interface FileItem {
  url: string
  filename: string
  size: number | string
  /** Europe/Paris local time, no zone: informational only. */
  date?: string
  checksum?: string
  'content-type'?: string
  pass?: number | string
}

export interface FileList {
  status?: string
  items?: FileItem[]
  count?: number
}

export interface SubFolder {
  id: number | string
  name: string
  create_date?: string
}

export interface FolderList {
  status?: string
  folder_id?: number | string
  name?: string
  sub_folders?: SubFolder[]
}

export interface MakeFolderAnswer {
  status?: string
  folder_id: number | string
  name?: string
}

export interface RemoveAnswer {
  status?: string
  removed?: number | string
}

export interface FileInfo {
  url: string
  filename: string
  size: number | string
  date?: string
  folder_id?: number | string
  checksum?: string
  pass?: number | string
  description?: string
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return undefined
}
