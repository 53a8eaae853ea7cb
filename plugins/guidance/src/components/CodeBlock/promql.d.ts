// @types/react-syntax-highlighter predates the PromQL grammar
declare module 'react-syntax-highlighter/dist/esm/languages/prism/promql' {
  const grammar: unknown;
  export default grammar;
}
