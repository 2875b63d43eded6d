/**
 * Compares a learner's design with the model answer by what each service does, not by its id: an AWS
 * Glue job and an Amazon EMR cluster both "process", Amazon MSK and Kinesis Data Streams both
 * "ingest". Each node gets one role family from its resolved roles (settings included: a Glue job set
 * to streaming is a stream processor), then nodes are paired within a family. Pure.
 */
import type { Catalog } from './catalog.ts';
import type { Design } from './design.ts';
import { DesignGraph, type ResolvedNode } from './graph.ts';
import { ROLE_FAMILIES, ROLE_REGISTRY, type RoleFamily } from './roles.ts';

export { ROLE_FAMILIES, type RoleFamily } from './roles.ts';

/** Family names as a learner reads them. */
export const FAMILY_LABEL: Record<RoleFamily | 'other', string> = {
  source: 'Sources',
  ingest: 'Ingest',
  process: 'Process',
  orchestrate: 'Orchestrate',
  store: 'Store',
  query: 'Query',
  visualise: 'Visualise',
  govern: 'Govern',
  secure: 'Secure',
  monitor: 'Monitor',
  other: 'Other',
};

/** Roles in registry order (the family of a node is that of its first role in this order). */
const ORDERED_ROLES = [...ROLE_REGISTRY];

/** Roles too broad to say two services do the same job (matched only as a last resort within a family). */
const GENERIC_ROLES = new Set(ORDERED_ROLES.filter(([, r]) => r.generic).map(([id]) => id));

/**
 * The family of a set of resolved roles (`none` for groups and notes, `other` when no role is known).
 * @param roles e.g. `ResolvedNode.roles`
 */
export function roleFamily(roles: Iterable<string>): RoleFamily | 'none' | 'other' {
  const set = new Set(roles);
  for (const [id, spec] of ORDERED_ROLES) if (set.has(id)) return spec.family;
  return 'other';
}

/** A node as the comparison shows it. */
export interface ComparedNode {
  id: string;
  service: string;
  /** The service's name as AWS spells it. */
  name: string;
  /** The node's label (its own or the service's short name). */
  label: string;
  family: RoleFamily | 'other';
  /** Resolved roles, sorted. */
  roles: string[];
}

/**
 * A learner node paired with a reference node of the same family. `basis` says how close they are:
 * the same service, a shared specific role (both `stream-processor`), or only the family.
 */
export interface MatchedPair {
  family: RoleFamily | 'other';
  learner: ComparedNode;
  reference: ComparedNode;
  basis: 'same-service' | 'same-role' | 'same-family';
  sharedRoles: string[];
}

/** The comparison: pairs, then what only one side has, each in family order then design order. */
export interface DesignComparison {
  matched: MatchedPair[];
  learnerOnly: ComparedNode[];
  referenceOnly: ComparedNode[];
}

function compared(n: ResolvedNode): ComparedNode | undefined {
  const family = roleFamily(n.roles);
  if (family === 'none') return undefined;
  return { id: n.id, service: n.service, name: n.entry.name, label: n.label, family, roles: [...n.roles].sort() };
}

const familyRank = (f: RoleFamily | 'other') => (f === 'other' ? ROLE_FAMILIES.length : ROLE_FAMILIES.indexOf(f));

/**
 * Compares two designs by role.
 * Within each family, nodes pair greedily in three passes: same service, then a shared specific role,
 * then any (an `other` node, with no known role, pairs only with the same service). Nodes whose service
 * is not in the catalog, groups and notes are left out.
 * @param learner the learner's design
 * @param reference the model answer (e.g. the scenario's reference design)
 */
export function compareDesigns(learner: Design, reference: Design, catalog: Catalog): DesignComparison {
  const mine = new DesignGraph(learner, catalog).nodes.flatMap((n) => compared(n) ?? []);
  const theirs = new DesignGraph(reference, catalog).nodes.flatMap((n) => compared(n) ?? []);
  const matched: MatchedPair[] = [];
  const usedL = new Set<ComparedNode>();
  const usedR = new Set<ComparedNode>();
  const specific = (a: ComparedNode, b: ComparedNode) => a.roles.filter((r) => !GENERIC_ROLES.has(r) && b.roles.includes(r));
  const passes: [MatchedPair['basis'], (a: ComparedNode, b: ComparedNode) => boolean][] = [
    ['same-service', (a, b) => a.service === b.service],
    ['same-role', (a, b) => a.family !== 'other' && specific(a, b).length > 0],
    ['same-family', (a) => a.family !== 'other'],
  ];
  for (const [basis, fits] of passes)
    for (const l of mine) {
      if (usedL.has(l)) continue;
      const r = theirs.find((x) => !usedR.has(x) && x.family === l.family && fits(l, x));
      if (!r) continue;
      usedL.add(l);
      usedR.add(r);
      matched.push({ family: l.family, learner: l, reference: r, basis, sharedRoles: l.roles.filter((x) => r.roles.includes(x)) });
    }
  const order = <T extends { family: RoleFamily | 'other' }>(items: T[]) =>
    items
      .map((x, i) => [x, i] as const)
      .sort((a, b) => familyRank(a[0].family) - familyRank(b[0].family) || a[1] - b[1])
      .map(([x]) => x);
  return {
    matched: order(matched),
    learnerOnly: order(mine.filter((n) => !usedL.has(n))),
    referenceOnly: order(theirs.filter((n) => !usedR.has(n))),
  };
}
