/**
 * The content checks beyond the schemas (`content-checks.ts`), for `npm run validate`, the CLI and
 * the tests: catalog entries' references, kinds and setting keys in every requirement's params, and
 * per rule below, a setting its scope's services have with values that are options of it. Kept apart
 * from the rule modules so the browser, which grades with the rules, does not load them. A rule with
 * params that name settings adds its check here.
 */
import { contentCheck, contentChecks, entriesOfKinds, scopeProblems, settingProblems } from '../src/domain/content-checks.ts';
import type { ContentChecks } from '../src/domain/content.ts';
import failureHandling from './failure-handling.ts';
import lakeZones from './lake-zones.ts';
import serviceConstraints from './service-constraints.ts';
import serviceCoverage from './service-coverage.ts';
import settingValue from './setting-value.ts';
import windowedDetection from './windowed-detection.ts';

/** The checks `assembleContent` takes for shipped and authored content. */
export const CONTENT_CHECKS: ContentChecks = contentChecks(
  new Map([
    contentCheck(settingValue, (params, catalog) => scopeProblems(params.kinds, catalog, ['kinds'], { key: params.setting, ...(params.equals ? { values: params.equals } : {}), at: ['setting'], valuesAt: ['equals'] })),
    contentCheck(serviceCoverage, (params, catalog) => scopeProblems(params.covers, catalog, ['covers'])),
    contentCheck(serviceConstraints, (params, catalog) => (params.kinds ? scopeProblems(params.kinds, catalog, ['kinds']) : [])),
    contentCheck(failureHandling, (params, catalog) => (params.retrySetting ? settingProblems(entriesOfKinds(params.kinds, catalog), params.retrySetting, undefined, ['retrySetting'], []) : [])),
    contentCheck(lakeZones, (params, catalog) => params.zones.flatMap((z, i) => settingProblems(entriesOfKinds(['object-store'], catalog), 'format', z.formats, ['zones', i, 'formats'], ['zones', i, 'formats']))),
    contentCheck(windowedDetection, (params, catalog) => {
      const detectors = entriesOfKinds(params.detector, catalog);
      return params.windowSettings.flatMap((key, i) => settingProblems(detectors, key, undefined, ['windowSettings', i], []));
    }),
  ]),
);
