/** esbuild's text loader: a `.yaml` import is the file's text. */
declare module '*.yaml' {
  const text: string;
  export default text;
}

/** esbuild's text loader: a `.css` import is the file's text (the preview's stylesheet). */
declare module '*.css' {
  const text: string;
  export default text;
}
