/** A count as people read it: "10,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/** "1 API", "40 APIs". */
export function apisCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'API' : 'APIs'}`;
}

/** The list's result line: "1,234 of 10,000 APIs", or "10,000 APIs" when nothing is filtered out. */
export function resultSummary(shown: number, total: number): string {
  return shown === total ? apisCount(total) : `${formatCount(shown)} of ${apisCount(total)}`;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** "1.4 MB"; binary units, as storage estimates are reported. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit] ?? ''}`;
}
