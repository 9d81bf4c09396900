// Vite (and Vitest) import a file's text with the `?raw` suffix. This is the one slice of
// `vite/client` core needs, declared here so that core does not take in Vite's DOM types.
declare module '*.yaml?raw' {
  const text: string;
  export default text;
}
