import { useMemo, type Ref } from 'react';

type LineGutterProps = {
  readonly lines: number;
  /** Lines with a validation error, marked in the gutter. */
  readonly errorLines: ReadonlySet<number>;
  readonly ref?: Ref<HTMLDivElement>;
};

/**
 * Line numbers beside the YAML text area (which does not wrap, so line n of the text is
 * row n here). Hidden from assistive technology: the error list names every line.
 */
export function LineGutter({ lines, errorLines, ref }: LineGutterProps) {
  const rows = useMemo(() => Array.from({ length: lines }, (_, i) => i + 1), [lines]);
  return (
    <div ref={ref} className="playbook-editor__gutter" aria-hidden="true">
      {rows.map((n) => (
        <div key={n} className={errorLines.has(n) ? 'playbook-editor__line--error' : undefined}>
          {n}
        </div>
      ))}
    </div>
  );
}
