import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import {
  exportOtm,
  exportThreatDragon,
  importOtm,
  importThreatDragon,
  importTm7,
} from '../../core/exchange';
import { defaultLibrary, generateThreats } from '../../core/threats';
import { sharedFixture } from '../fixtures/shared';
import { largeModel } from '../fixtures/threats/models';

// Import of the real files (the .tm7 is 1.2 MB, mostly its embedded template), and export
// and re-import of a generated 1,000-element model with its rule threats.

const OPTIONS = { modelId: 'bench', apiIds: ['api-1'] };
const read = (...p: string[]) => readFileSync(sharedFixture(...p), 'utf8');
const tm7 = read('tm7', 'MTMT_example.tm7');
const td = read('threat-dragon', 'v2-threat-model.json');
const otmYaml = read('otm', 'EXAMPLE.yaml');
const big = generateThreats(largeModel(1000), defaultLibrary());
const bigTd = exportThreatDragon(big).text;
const bigOtm = exportOtm(big).text;

describe('import real files', () => {
  bench('MTMT_example.tm7 (1.2 MB, 43 threats)', () => {
    importTm7(tm7, 'm.tm7', OPTIONS);
  });
  bench('Threat Dragon v2 demo', () => {
    importThreatDragon(td, 'v2.json', OPTIONS);
  });
  bench('OTM example (YAML)', () => {
    importOtm(otmYaml, 'e.yaml', OPTIONS);
  });
});

describe(`1,000-element model (${String(big.threats.instances.length)} threats)`, () => {
  bench('export Threat Dragon v2', () => {
    exportThreatDragon(big);
  });
  bench('export OTM', () => {
    exportOtm(big);
  });
  bench('import its Threat Dragon export', () => {
    importThreatDragon(bigTd, 'big.json', OPTIONS);
  });
  bench('import its OTM export', () => {
    importOtm(bigOtm, 'big.otm.json', OPTIONS);
  });
});
