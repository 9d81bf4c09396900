import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_OPEN_BYTES, filesSaveRequest } from '../../../electron/contract';
import { writeFileAtomic } from '../../../electron/main/ipc/file-system';
import { openFile, saveFile, type FilesDeps } from '../../../electron/main/ipc/files';
import { UserFacingError } from '../../../electron/main/ipc/secure-handler';
import { FakeDialogs, FakeFileSystem } from './fakes';

function deps(): FilesDeps & { dialogs: FakeDialogs; fs: FakeFileSystem } {
  return {
    dialogs: new FakeDialogs(),
    fs: new FakeFileSystem(),
    defaultDirectory: () => '/home/user/Documents',
  };
}
const filters = [{ name: 'JSON', extensions: ['json'] }];

describe('files.save', () => {
  it('suggests the name in the default folder and writes through a temp file and a rename', async () => {
    const d = deps();
    d.dialogs.savePath = '/home/user/Documents/backup.json';
    const result = await saveFile(d, {
      suggestedName: 'workspace.json',
      content: '{"a":1}',
      filters,
    });
    expect(result).toEqual({ saved: true, fileName: 'backup.json' });
    expect(d.dialogs.saveOptions[0]).toEqual({
      defaultPath: path.join('/home/user/Documents', 'workspace.json'),
      filters,
    });
    const temp = path.join('/home/user/Documents', '.backup.json.r4nd.tmp');
    expect(d.fs.calls).toEqual([
      `writeNew ${temp}`,
      `rename ${temp} -> /home/user/Documents/backup.json`,
    ]);
    expect(d.fs.written.get('/home/user/Documents/backup.json')).toBe('{"a":1}');
  });

  it('writes base64 content as the decoded bytes (a PNG diagram)', async () => {
    const d = deps();
    d.dialogs.savePath = '/home/user/Documents/diagram.png';
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);
    const request = filesSaveRequest.parse({
      suggestedName: 'diagram.png',
      content: Buffer.from(png).toString('base64'),
      encoding: 'base64',
      filters: [{ name: 'PNG image', extensions: ['png'] }],
    });
    expect(await saveFile(d, request)).toEqual({ saved: true, fileName: 'diagram.png' });
    expect(d.fs.written.get('/home/user/Documents/diagram.png')).toEqual(png);
  });

  it('refuses content marked base64 that is not base64', () => {
    const r = filesSaveRequest.safeParse({
      suggestedName: 'diagram.png',
      content: 'not base64!',
      encoding: 'base64',
      filters,
    });
    expect(r.success).toBe(false);
  });

  it('returns only the base name, never the chosen path', async () => {
    const d = deps();
    d.dialogs.savePath = '/home/user/private/dir/out.json';
    const result = await saveFile(d, { suggestedName: 'a.json', content: '', filters });
    expect(JSON.stringify(result)).not.toContain('/home/user');
  });

  it('writes nothing when the user cancels', async () => {
    const d = deps();
    d.dialogs.savePath = undefined;
    expect(await saveFile(d, { suggestedName: 'a.json', content: 'x', filters })).toEqual({
      saved: false,
    });
    expect(d.fs.calls).toEqual([]);
  });

  it('removes the temp file when the rename fails, leaving the target untouched', async () => {
    const fs = new FakeFileSystem();
    fs.failRename = true;
    await expect(writeFileAtomic(fs, '/d/target.json', 'new')).rejects.toThrow('EXDEV');
    expect(fs.calls.at(-1)).toBe('remove /d/.target.json.r4nd.tmp');
    expect(fs.written.has('/d/target.json')).toBe(false);
  });
});

describe('files.open', () => {
  it('reads the chosen file as text and returns its base name', async () => {
    const d = deps();
    d.dialogs.openPaths = ['/home/user/api.yaml'];
    d.fs.files.set('/home/user/api.yaml', { size: 10, content: 'openapi: 3' });
    expect(await openFile(d, { title: 'Import', filters })).toEqual({
      canceled: false,
      fileName: 'api.yaml',
      content: 'openapi: 3',
    });
    expect(d.dialogs.openOptions[0]).toEqual({
      title: 'Import',
      filters,
      properties: ['openFile'],
    });
    expect(d.fs.calls).toContain('close /home/user/api.yaml');
  });

  it('refuses a file over the limit without reading it, and closes it', async () => {
    const d = deps();
    d.dialogs.openPaths = ['/home/user/huge.json'];
    d.fs.files.set('/home/user/huge.json', { size: MAX_OPEN_BYTES + 1, content: 'never read' });
    const attempt = openFile(d, { filters });
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow(/larger than 256 MB/);
    expect(d.fs.reads).toEqual([]);
    expect(d.fs.calls).toContain('close /home/user/huge.json');
  });

  it('accepts a file of exactly the limit', async () => {
    const d = deps();
    d.dialogs.openPaths = ['/f.json'];
    d.fs.files.set('/f.json', { size: MAX_OPEN_BYTES, content: '{}' });
    expect(await openFile(d, { filters })).toMatchObject({ canceled: false });
  });

  it('refuses something that is not a regular file (a FIFO or device would block or never end)', async () => {
    const d = deps();
    d.dialogs.openPaths = ['/dev/zero'];
    d.fs.files.set('/dev/zero', { size: 0, content: '', isFile: false });
    await expect(openFile(d, { filters })).rejects.toThrow(/not a regular file/);
    expect(d.fs.reads).toEqual([]);
  });

  it('reads nothing when the user cancels', async () => {
    const d = deps();
    expect(await openFile(d, { filters })).toEqual({ canceled: true });
    expect(d.fs.reads).toEqual([]);
  });
});
