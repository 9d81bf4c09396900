import { describe, expect, it } from 'vitest';
import { mermaidLabel } from '../../../../core/shared/mermaid-label';

describe('Mermaid label escaping', () => {
  it('leaves letters, digits, spaces and plain punctuation alone', () => {
    expect(mermaidLabel('Payments API (v2), EU-west 1/3', 100)).toBe(
      'Payments API (v2), EU-west 1/3',
    );
  });

  it('entity-codes quotes, brackets, semicolons and markup', () => {
    expect(mermaidLabel('"]; click A call x()', 100)).toBe('#34;#93;#59; click A call x()');
    expect(mermaidLabel('<img src=x onerror=alert(1)>', 100)).toBe(
      '#60;img src#61;x onerror#61;alert(1)#62;',
    );
  });

  it('codes the characters Mermaid misreads in labels: colon, underscore, asterisk', () => {
    expect(mermaidLabel('Step: *urgent* __now__', 100)).toBe(
      'Step#58; #42;urgent#42; #95;#95;now#95;#95;',
    );
  });

  it('drops control and bidirectional characters and folds line breaks', () => {
    expect(mermaidLabel('a\u0000b\u202Ec\nd\te', 100)).toBe('abc d e');
  });
});
