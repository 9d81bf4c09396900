import { useContext, type Context } from 'react';

/** Reads a context that a provider above must supply; a missing provider is a programming error. */
export function useRequiredContext<T>(context: Context<T | null>, name: string): T {
  const value = useContext(context);
  if (value === null) throw new Error(`${name} is used outside its provider.`);
  return value;
}
