// Numbers in messages, written as English does (10,000), without Intl: the first
// `toLocaleString('en')` of a process loads ICU's number formatting (about 12 ms of CPU),
// and the schemas write their limits into their messages when their module is evaluated,
// so every CLI command that loads a schema paid for it at start-up.

/** `n` with its thousands separated by commas, exactly as `n.toLocaleString('en')` writes it. */
export function groupDigits(n: number): string {
  // Other numbers (fractions, huge values) keep the locale's rules for rounding.
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
