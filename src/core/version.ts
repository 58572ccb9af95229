// Written by `npm run build` from package.json's version: the one place it is set is package.json.
export const VERSION = '0.1.0'
