/**
 * The content checks of requirement params that need the catalog (`content-checks.ts`), for
 * `npm run validate`, the CLI and the tests: kinds and setting keys everywhere, and per rule below, a
 * setting its scope's services have with values that are options of it. Kept apart from the rule
 * modules so the browser, which grades with the rules, does not load them. A rule with params that
 * name settings adds its check here.
 */
import { contentCheck, entriesOfKinds, paramsChecker, scopeProblems, settingProblems } from '../src/domain/content-checks.ts';
import type { ParamsChecker } from '../src/domain/content.ts';
import failureHandling from './failure-handling.ts';
import lakeZones from './lake-zones.ts';
import serviceConstraints from './service-constraints.ts';
import serviceCoverage from './service-coverage.ts';
import settingValue from './setting-value.ts';
import windowedDetection from './windowed-detection.ts';

/** The checker `assembleContent` takes for shipped and authored content. */
export const CONTENT_CHECKS: ParamsChecker = paramsChecker(
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
