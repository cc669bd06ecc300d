import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, and the read-only shared material beside it (../shared). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
