import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenApiDocument } from '../../../../core/openapi';
import { parseOpenApi } from '../../../../core/openapi';

/** The folder of the OpenAPI fixtures. */
export const FIXTURES = join(__dirname, '../../../fixtures/openapi');

/** A fixture's text. */
export const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Parses text that must parse. */
export function parsed(text: string, name = 'inline.yaml'): OpenApiDocument {
  const r = parseOpenApi(text, name);
  if (!r.ok) throw new Error(`expected ${name} to parse: ${r.error.message}`);
  return r.doc;
}

/** Parses a fixture that must parse. */
export const fixture = (name: string) => parsed(fixtureText(name), name);
