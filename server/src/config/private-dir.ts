import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './hall-config';

/** What a private directory is for, in the words of a refusal. */
export interface DirPurpose {
  /** The environment variable that names it (`HALL_DATA_DIR`). */
  variable: string;
  zh: string;
  en: string;
}

export const DATA_DIR: DirPurpose = {
  variable: 'HALL_DATA_DIR',
  zh: '数据目录',
  en: 'data directory',
};
export const KEY_DIR: DirPurpose = {
  variable: 'HALL_KEY_DIR',
  zh: '密钥目录',
  en: 'key directory',
};

/**
 * Make `dir` the hall's private directory (server/SECRECY.md "Who can read what"): created 0700
 * when missing; refused when it exists and its group or others may read, write or enter it (a
 * local account could copy the database, the password hashes or the keys), naming the command
 * that fixes it; every file directly in it is made 0600, whatever the umask it was written with.
 * The server also runs with umask 077, so whatever it creates later is private too.
 */
export function preparePrivateDir(dir: string, purpose: DirPurpose): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  const st = lstatSync(dir);
  if (st.isSymbolicLink() || !st.isDirectory()) {
    throw new ConfigError(
      `${purpose.variable}：${dir} 不是目录（或是符号链接） / ${purpose.variable}: ${dir} is not a directory (or is a symbolic link)`,
    );
  }
  if ((st.mode & 0o077) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    throw new ConfigError(
      `${purpose.zh} ${dir} 的权限为 ${mode}，同组或其他用户可以读取；请执行 chmod 700 '${dir}' 后再启动 / the ${purpose.en} ${dir} has mode ${mode}: its group or others can read it; run chmod 700 '${dir}' and start again`,
    );
  }
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new ConfigError(
      `${purpose.zh} ${dir} 不属于运行本服务的用户；请执行 chown 后再启动 / the ${purpose.en} ${dir} is not owned by the user running the hall; chown it to that user`,
    );
  }
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const f = lstatSync(file);
    if (f.isFile() && (f.mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}
