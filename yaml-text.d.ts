/** esbuild's text loader: a `.yaml` import is the file's text. */
declare module '*.yaml' {
  const text: string;
  export default text;
}
