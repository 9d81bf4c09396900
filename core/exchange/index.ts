// Exchange of threat models with other tools: Threat Dragon, Open Threat Model and the
// Microsoft Threat Modeling Tool. Importers return a validated model or an error with its
// place, never a partial model; exporters list what they could not carry.
export * from './types';
export { jsonErrorOffset } from '../shared/json-errors';
export { INTERNAL_PREFIX } from './draft';
export { importThreatDragon } from './threat-dragon-import';
export { exportThreatDragon } from './threat-dragon-export';
export { importOtm } from './otm-import';
export { exportOtm } from './otm-export';
export { importTm7 } from './tm7-import';
export { layoutDiagram } from './layout';
export * from './sniff';
export * from './detect';
export * from './input';
