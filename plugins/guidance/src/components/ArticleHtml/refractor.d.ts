// refractor 3 ships no type declarations; this is the part of its API the reader uses.
declare module 'refractor/core' {
  import type { RootContent } from 'hast';

  /** A Prism grammar as refractor's `lang/*.js` files export it. */
  export type RefractorSyntax = ((prism: unknown) => void) & {
    displayName: string;
    aliases: string[];
  };
  const refractor: {
    highlight(value: string, language: string): RootContent[];
    registered(language: string): boolean;
    register(syntax: RefractorSyntax): void;
  };
  export default refractor;
}

declare module 'refractor/lang/*' {
  import type { RefractorSyntax } from 'refractor/core';

  const syntax: RefractorSyntax;
  export default syntax;
}
