// The one file of @zxcvbn-ts/language-fr that first-names.ts imports (the package types its index only): the list
// the package publishes under the key `lastnames-fr`, which holds French first names.
declare module "@zxcvbn-ts/language-fr/dist/lastnames.json.mjs" {
  const names: string[];
  export default names;
}
