/** The shipped content assembled at build time (scripts/shipped-content-plugin.ts). */
declare module 'virtual:archboard-content' {
  import type { CatalogEntry, ContentProblem } from './domain/catalog.ts';
  import type { LoadedScenario } from './domain/content.ts';
  const shipped: { entries: CatalogEntry[]; scenarios: LoadedScenario[]; problems: ContentProblem[] };
  export default shipped;
}
