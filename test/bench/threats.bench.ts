import { bench, describe } from 'vitest';
import {
  defaultLibrary,
  generateThreats,
  toHtmlReport,
  toMermaidDiagrams,
  threatsCsv,
} from '../../core/threats';
import { largeModel } from '../fixtures/threats/models';

// Issue 3 target: generation for a model of 500 elements in under 200 ms. Regeneration
// (the common case in a workshop: the model already holds its threats) and the writers
// that run on the same model are measured alongside.
const library = defaultLibrary();
const model = largeModel(500);
const generated = generateThreats(model, library);
const big = largeModel(2000);

describe(`threat model of 500 elements (${generated.threats.instances.length} threats)`, () => {
  bench('generate threats (first run)', () => {
    generateThreats(model, library);
  });
  bench('regenerate threats (model already holds them)', () => {
    generateThreats(generated, library);
  });
  bench('Mermaid diagram(s)', () => {
    toMermaidDiagrams(generated);
  });
  bench('HTML report', () => {
    toHtmlReport(generated);
  });
  bench('threats CSV', () => {
    threatsCsv(generated);
  });
});

describe('threat model of 2,000 elements', () => {
  bench('generate threats (first run)', () => {
    generateThreats(big, library);
  });
});
