/** A count as people read it: "10,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/** "1 API", "40 APIs". */
export function apisCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'API' : 'APIs'}`;
}

/** "12 APIs, 3 threat models and 1 playbook": the non-empty tables of a workspace, APIs always. */
export function workspaceCounts(c: {
  readonly apis: number;
  readonly threatModels: number;
  readonly playbooks: number;
  readonly incidents?: number;
}): string {
  const parts = [apisCount(c.apis)];
  if (c.threatModels > 0)
    parts.push(`${formatCount(c.threatModels)} threat model${c.threatModels === 1 ? '' : 's'}`);
  if (c.playbooks > 0)
    parts.push(`${formatCount(c.playbooks)} playbook${c.playbooks === 1 ? '' : 's'}`);
  if (c.incidents !== undefined && c.incidents > 0)
    parts.push(`${formatCount(c.incidents)} incident${c.incidents === 1 ? '' : 's'}`);
  return parts.length === 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
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
