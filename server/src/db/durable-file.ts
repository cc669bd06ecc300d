import {
  chmodSync,
  closeSync,
  existsSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/**
 * Small, durable file operations for the hall's secrets (server/SECRECY.md): a key file is on
 * disk, under its final name, before anything that depends on it commits; and a destroyed key
 * is overwritten with zeros before its name goes.
 */

/** Create `dir` (0700) when it is missing. An existing directory is left as it is. */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** fsync a directory, so that a rename or unlink in it survives a power cut. */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write `data` to `file` durably: a temporary file beside it (mode `mode`), fsync, rename over
 * `file`, fsync the directory. A crash leaves either no file or the whole file, never a part.
 */
export function writeFileDurably(file: string, data: Uint8Array, mode = 0o600): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    fchmodSync(fd, mode);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/**
 * Destroy a secret file: overwrite its bytes with zeros, fsync, unlink, fsync the directory.
 * (On a copy-on-write file system or an SSD the old blocks may survive the overwrite: that is
 * why SECRECY.md recommends an encrypted volume.) A missing file is not an error.
 */
export function destroyFile(file: string): void {
  if (!existsSync(file)) return;
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const zeros = Buffer.alloc(Math.min(size, 1 << 16));
    let off = 0;
    while (off < size) off += writeSync(fd, zeros, 0, Math.min(zeros.length, size - off), off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(file);
  fsyncDir(path.dirname(file));
}
