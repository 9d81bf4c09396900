import { randomBytes } from 'node:crypto';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

// The file operations the IPC services need, behind a small type so tests pass fakes.

/** An open file, read through its handle so the checked file is the one read. */
export type ReadableFile = {
  stat(): Promise<{ readonly size: number; isFile(): boolean }>;
  readText(): Promise<string>;
  close(): Promise<void>;
};

/** File system operations used by the services. */
export type FileSystem = {
  openForRead(filePath: string): Promise<ReadableFile>;
  /** Creates a new file; fails if it exists (flag 'wx'), so it never follows a planted link. */
  writeNew(filePath: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(filePath: string): Promise<void>;
  randomSuffix(): string;
};

/** The real file system (Node fs/promises). */
export const nodeFileSystem: FileSystem = {
  openForRead: async (filePath) => {
    const handle = await open(filePath, 'r');
    return {
      stat: () => handle.stat(),
      readText: () => handle.readFile({ encoding: 'utf8' }),
      close: () => handle.close(),
    };
  },
  writeNew: (filePath, data) => writeFile(filePath, data, { flag: 'wx' }),
  rename: (from, to) => rename(from, to),
  remove: (filePath) => unlink(filePath),
  randomSuffix: () => randomBytes(8).toString('hex'),
};

/**
 * Writes a file atomically: a temporary file beside the target, then a rename, so a
 * crash or full disk never leaves a half-written backup where the old one was.
 */
export async function writeFileAtomic(
  fs: FileSystem,
  filePath: string,
  data: string | Uint8Array,
): Promise<void> {
  const temp = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${fs.randomSuffix()}.tmp`,
  );
  try {
    await fs.writeNew(temp, data);
    await fs.rename(temp, filePath);
  } catch (error) {
    await fs.remove(temp).catch(() => undefined);
    throw error;
  }
}
