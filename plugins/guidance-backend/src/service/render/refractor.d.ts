// refractor 3 ships no type declarations; this is the part of its API the renderer uses.
declare module 'refractor' {
  import type { ElementContent } from 'hast';

  const refractor: {
    highlight(value: string, language: string): ElementContent[];
    registered(language: string): boolean;
  };
  export default refractor;
}
