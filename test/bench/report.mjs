// Printing shared by the OpenAPI benchmarks (openapi-process.mjs, openapi-inprocess.mjs).

/** The median of numbers (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A Markdown table, columns padded to their widest cell. */
export function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** The OWASP categories each tool found per description, and what Bulwark misses. */
export const categoryTable = (rows) =>
  table(
    [
      'description',
      'OWASP 2023 categories, bulwark',
      'OWASP 2023 categories, spectral',
      'spectral categories bulwark misses',
    ],
    rows,
  );
