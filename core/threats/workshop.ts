import type { Element, Stride } from './model';
import { STRIDE } from './model';

// Prompt cards for step 3 of the workshop ("identify threats"): the STRIDE-per-element
// table of domain.md §1 turned into questions about a named element.

/** Which STRIDE categories apply to an element (domain §1); boundaries get none. */
export function strideCategories(element: Element): readonly Stride[] {
  switch (element.kind) {
    case 'external-entity':
      return ['S', 'R'];
    case 'process':
      return STRIDE;
    case 'data-store':
      return element.isLog ? ['T', 'R', 'I', 'D'] : ['T', 'I', 'D'];
    case 'data-flow':
      return ['T', 'I', 'D'];
    case 'trust-boundary':
      return [];
  }
}

const QUESTIONS: Readonly<Record<Stride, (name: string) => string>> = {
  S: (n) => `How could someone pretend to be ${n}, or pretend to ${n} to be someone else?`,
  T: (n) => `How could someone change ${n} or the data it handles without permission?`,
  R: (n) => `How could someone deny an action involving ${n}, and what would prove it?`,
  I: (n) => `How could data in or behind ${n} reach someone who should not see it?`,
  D: (n) => `How could someone stop ${n} from working, slow it down or exhaust it?`,
  E: (n) => `How could someone make ${n} do more than their rights allow?`,
};

/** The prompt cards for one element: one question per applicable STRIDE category. */
export function promptCards(
  element: Element,
): { readonly stride: Stride; readonly question: string }[] {
  return strideCategories(element).map((stride) => ({
    stride,
    question: QUESTIONS[stride](`“${element.name}”`),
  }));
}
