import { describe, expect, it } from 'vitest';
import { nodeIdOf } from '../../../../renderer/diagrams/nodes';

describe('nodeIdOf', () => {
  // Element ids as Mermaid 11.17 writes them (seen in test/e2e/diagram.spec.ts).
  it.each([
    ['mmd-x-1-flowchart-n0-0', 'mmd-x-1', 'n0'],
    ['mmd-x-1-flowchart-n12-37', 'mmd-x-1', 'n12'],
    ['mmd-x-1-b1', 'mmd-x-1', 'b1'],
    ['mmd-x-3-state-Detect-3', 'mmd-x-3', 'Detect'],
    ['mmd-x-3-state-root_start-0', 'mmd-x-3', 'root_start'],
    ['mmd-x-1-flowchart-node-with-hyphens-4', 'mmd-x-1', 'node-with-hyphens'],
  ])('reads %s in %s as %s', (elementId, svgId, nodeId) => {
    expect(nodeIdOf(elementId, svgId)).toBe(nodeId);
  });

  it("ignores elements of another diagram and Mermaid's own ids", () => {
    expect(nodeIdOf('mmd-y-2-flowchart-n0-0', 'mmd-x-1')).toBeNull();
    expect(nodeIdOf('mmd-x-10-flowchart-n0-0', 'mmd-x-1')).toBeNull();
    expect(nodeIdOf('mmd-x-1-flowchart-n0', 'mmd-x-1')).toBeNull();
    expect(nodeIdOf('mmd-x-1-', 'mmd-x-1')).toBeNull();
    expect(nodeIdOf('mmd-x-1', 'mmd-x-1')).toBeNull();
    expect(nodeIdOf('anything', '')).toBeNull();
  });
});
