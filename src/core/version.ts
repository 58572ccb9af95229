// Written by `npm run build` from package.json's version and repository: the one place each is set.
export const VERSION = '0.1.0'
/** Where the action is published: `uses: 1fichier-backup/1fichier-backup-action@v1`. */
export const REPOSITORY = '1fichier-backup/1fichier-backup-action'
