/**
 * The checks of a catalog entry beyond its schema, for `npm run validate`, the CLI and the tests: the
 * settings, figures and prices its sections refer to exist in the entry, defaults fit their settings,
 * capacities are complete, and the ids and kinds it names (`connectsTo`, refusals, constraint targets,
 * `unlessInputFrom`) are in the catalog. `parseCatalog` runs them when given them; the browser does not
 * load this module, so its first load stays small (the content it bundles is the shipped content the
 * tests check). Pure.
 */
import { expandFigureName, settingValueSchema, type Catalog, type CatalogEntry, type PathProblem } from './catalog.ts';
import { figuresReadBy, settingsReadBy } from './pricing.ts';
import { isRole } from './roles.ts';

/**
 * Every problem of one parsed entry, at its path inside the entry.
 * @param catalog the whole catalog, for the ids the entry names
 */
export function catalogEntryProblems(entry: CatalogEntry, catalog: Catalog): PathProblem[] {
  const out: PathProblem[] = [];
  if (entry.box && !entry.group) out.push({ path: ['box'], message: 'only a group ("group": true) has a "box"' });
  for (const [i, key] of (entry.box?.detail ?? []).entries()) if (!Object.hasOwn(entry.settings, key)) out.push({ path: ['box', 'detail', i], message: `"${key}" is not a setting of ${entry.id}` });
  if (entry.box?.colorBy && !Object.hasOwn(entry.settings, entry.box.colorBy.setting)) out.push({ path: ['box', 'colorBy', 'setting'], message: `"${entry.box.colorBy.setting}" is not a setting of ${entry.id}` });
  if (entry.group && (entry.dataFlow || entry.connectsTo.length)) out.push({ path: ['group'], message: 'a group has "dataFlow": false and no "connectsTo"' });
  for (const [key, spec] of Object.entries(entry.settings)) {
    const check = settingValueSchema(spec).safeParse(spec.default);
    if (!check.success) out.push({ path: ['settings', key, 'default'], message: `default does not fit the setting: ${check.error.issues[0]?.message}` });
    if (spec.type === 'integer' && (spec.dividesVolume || spec.batchesRecords) && spec.min < 1) out.push({ path: ['settings', key, 'min'], message: 'a setting that divides the volume or batches records needs a minimum of at least 1' });
    if (spec.type === 'enum')
      spec.options.forEach((o, i) => {
        if (o.volumeFactor !== undefined && !entry.figures[o.volumeFactor]) out.push({ path: ['settings', key, 'options', i, 'volumeFactor'], message: `no figure "${o.volumeFactor}" in this entry` });
      });
  }
  const conditions = [...entry.constraints.map((c, i) => ['constraints', i, c.when] as const), ...entry.guarantees.map((g, i) => ['guarantees', i, g.when] as const)];
  for (const [section, i, when] of conditions) for (const key of Object.keys(when ?? {})) if (!Object.hasOwn(entry.settings, key)) out.push({ path: [section, i, 'when', key], message: `no setting "${key}" in this entry` });
  entry.constraints.forEach((c, i) => {
    if (c.setting !== undefined && !Object.hasOwn(entry.settings, c.setting)) out.push({ path: ['constraints', i, 'setting'], message: `no setting "${c.setting}" in this entry` });
  });
  entry.pricing?.items.forEach((item, i) => {
    const at = ['pricing', 'items', i];
    for (const key of [...settingsReadBy(item), ...Object.keys(item.when ?? {})]) if (!entry.settings[key]) out.push({ path: at, message: `no setting "${key}" in this entry` });
    for (const key of figuresReadBy(item)) if (!entry.figures[key]) out.push({ path: at, message: `no figure "${key}" in this entry` });
    for (const [key, value] of Object.entries(item.when ?? {})) {
      const spec = entry.settings[key];
      const ok = !spec || (spec.type === 'enum' ? spec.options.some((o) => o.value === value) : spec.type === 'boolean' ? typeof value === 'boolean' : true);
      if (!ok) out.push({ path: [...at, 'when', key], message: `"${String(value)}" is not a value of the setting "${key}"` });
    }
    const q = item.quantity;
    for (const f of 'factors' in q ? q.factors : [])
      if ('figure' in f && f.bySetting) {
        const spec = entry.settings[f.bySetting];
        for (const o of spec?.type === 'enum' ? spec.options : []) if (!entry.figures[`${f.figure}.${o.value}`]) out.push({ path: at, message: `no figure "${f.figure}.${o.value}" in this entry` });
      }
    const by = item.price.bySetting;
    const spec = by ? entry.settings[by] : undefined;
    if (spec?.type === 'enum') for (const o of spec.options) if (item.price.values?.[o.value] === undefined) out.push({ path: [...at, 'price', 'values'], message: `no price for option "${o.value}" of "${by}"` });
  });
  const ids = new Set<string>();
  for (const [i, cap] of entry.capacities.entries()) {
    const at = (...p: (string | number)[]) => ['capacities', i, ...p];
    if (ids.has(cap.id)) out.push({ path: at('id'), message: `duplicate capacity id "${cap.id}"` });
    ids.add(cap.id);
    const figures = [...[cap.figure, cap.defaultFigure, cap.recordUnitKB].filter((f): f is string => f !== undefined), ...cap.times.flatMap((t) => ('figure' in t ? [t.figure] : t.zeroFigure ? [t.zeroFigure] : []))];
    for (const f of figures) for (const name of expandFigureName(f, entry)) if (!Object.hasOwn(entry.figures, name)) out.push({ path: at('figure'), message: `no figure "${name}" in this entry` });
    const settingKeys = [...cap.times.flatMap((t) => ('setting' in t ? [t.setting] : [])), ...cap.divideBy, ...(cap.runMinutesSetting ? [cap.runMinutesSetting] : []), ...(cap.fix ? [cap.fix] : [])];
    for (const key of settingKeys) if (!Object.hasOwn(entry.settings, key)) out.push({ path: at(), message: `"${key}" is not a setting of this entry` });
    if (cap.figure === undefined && !cap.times.length) out.push({ path: at('figure'), message: 'a capacity needs a figure or a factor' });
    if (cap.figure === undefined && cap.defaultFigure === undefined) out.push({ path: at('defaultFigure'), message: 'a capacity set by the learner needs the documented default as its source (defaultFigure)' });
    if (cap.metric === 'MBPerRun' && !cap.runMinutesSetting) out.push({ path: at('runMinutesSetting'), message: 'an MBPerRun limit needs the run-time setting' });
  }
  const { byId } = catalog;
  entry.connectsTo.forEach((t, i) => {
    if (!byId.has(t)) out.push({ path: ['connectsTo', i], message: `unknown catalog id "${t}"` });
  });
  entry.refusals.forEach((r, i) => {
    if (!byId.has(r.target)) out.push({ path: ['refusals', i, 'target'], message: `unknown catalog id "${r.target}"` });
  });
  entry.constraints.forEach((c, i) =>
    c.dataTargets?.forEach((k, j) => {
      if (!byId.has(k) && !isRole(k)) out.push({ path: ['constraints', i, 'dataTargets', j], message: `unknown kind "${k}": not a catalog id or a registered role` });
    }),
  );
  entry.capacities.forEach((c, i) =>
    c.unlessInputFrom.forEach((id, j) => {
      if (!byId.has(id)) out.push({ path: ['capacities', i, 'unlessInputFrom', j], message: `unknown catalog id "${id}"` });
    }),
  );
  return out;
}
