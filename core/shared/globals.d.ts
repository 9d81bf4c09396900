// The WHATWG URL parser exists in every runtime core runs in (browsers, Node, workers)
// but is not part of the ECMAScript lib core compiles against; this is the slice used.
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly href: string;
}
