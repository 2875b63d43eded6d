/** The rule set: every rule module, by id. Add a rule by adding its module here. */
import type { RuleSet } from '../src/domain/grade.ts';
import type { Rule } from '../src/domain/rule-kit.ts';
import allowedConnections from './allowed-connections.ts';
import anyOf from './any-of.ts';
import dataPath from './data-path.ts';
import encryptionAtRest from './encryption-at-rest.ts';
import exactlyOnce from './exactly-once.ts';
import failureHandling from './failure-handling.ts';
import groupContents from './group-contents.ts';
import ingestionCapacity from './ingestion-capacity.ts';
import lakeZones from './lake-zones.ts';
import monthlyBudget from './monthly-budget.ts';
import privateConnectivity from './private-connectivity.ts';
import retentionTiers from './retention-tiers.ts';
import serviceConstraints from './service-constraints.ts';
import serviceCoverage from './service-coverage.ts';
import settingValue from './setting-value.ts';
import sovereignty from './sovereignty.ts';
import stageCapacity from './stage-capacity.ts';
import tlsInTransit from './tls-in-transit.ts';
import windowedDetection from './windowed-detection.ts';

/** Every rule module, in the order the docs list them. */
// biome-ignore lint/suspicious/noExplicitAny: Rule<P> takes P in check() and nested(), so rules with different params have no common type but Rule<any>; RULES below is Rule<unknown>
export const ALL_RULES: readonly Rule<any>[] = [
  ingestionCapacity,
  stageCapacity,
  dataPath,
  lakeZones,
  retentionTiers,
  encryptionAtRest,
  tlsInTransit,
  allowedConnections,
  serviceCoverage,
  settingValue,
  failureHandling,
  privateConnectivity,
  sovereignty,
  groupContents,
  monthlyBudget,
  serviceConstraints,
  windowedDetection,
  exactlyOnce,
  anyOf,
];

/** All rules, keyed by rule id. */
export const RULES: RuleSet = new Map(ALL_RULES.map((r) => [r.id, r as Rule<unknown>]));
