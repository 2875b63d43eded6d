/**
 * The role vocabulary: the words catalog entries, scenarios and rules speak in (`stream`,
 * `object-store`, `dashboard`, ...). One registry, `id → phrase, family, flow`, replaces the separate
 * tables that named roles in messages, grouped them for the model-answer comparison and picked the
 * simulation's sources and sinks. Content loading refuses a role that is not registered here (in a
 * catalog entry, an enum option or a requirement's params), so a typo is an error with its file and
 * JSON path, never a requirement that silently cannot fail. Pure data.
 */
import rolesData from './roles.json' with { type: 'json' };

/**
 * What a service does in a pipeline, coarsely (the Compare dialog's rows). `none`: groups and canvas
 * notes, which are not compared.
 */
export const ROLE_FAMILIES = ['source', 'ingest', 'process', 'orchestrate', 'store', 'query', 'visualise', 'govern', 'secure', 'monitor'] as const;
export type RoleFamily = (typeof ROLE_FAMILIES)[number];

/** One registered role. */
export interface RoleSpec {
  /** How messages name a node of this role ("a stream processor"). */
  phrase: string;
  family: RoleFamily | 'none';
  /**
   * `source`: its nodes emit the scenario's workload (the simulation starts there); `sink`: data ends
   * there even when the node has outgoing edges (latency is measured to it).
   */
  flow?: 'source' | 'sink';
  /** Too broad to say two services do the same job (the comparison pairs on it only as a last resort). */
  generic?: boolean;
}

/**
 * Every role, by id (data: `roles.json`; the content test checks each family). The order of families matters where a node has roles in several: the
 * comparison takes the family of the first role listed here that the node has (Kinesis Data Streams is a
 * `stream` and a `data-store`: it ingests; Amazon Redshift is a `warehouse` and a `query-engine`: it
 * stores; CloudWatch Logs is a `log-store`: it monitors).
 */
export const ROLES = rolesData as Readonly<Record<keyof typeof rolesData, RoleSpec>>;

/** A registered role id. */
export type RoleId = keyof typeof ROLES;

/** The registry as a map (role id → spec). */
export const ROLE_REGISTRY: ReadonlyMap<string, RoleSpec> = new Map(Object.entries(ROLES));

/** Whether a string is a registered role. */
export function isRole(id: string): id is RoleId {
  return ROLE_REGISTRY.has(id);
}

/** The phrase of a role ("a stream processor"), or undefined when it is not registered. */
export function rolePhrase(id: string): string | undefined {
  return ROLE_REGISTRY.get(id)?.phrase;
}

/** Roles whose nodes emit the workload (`flow: 'source'`). */
export const SOURCE_ROLES: readonly string[] = [...ROLE_REGISTRY].filter(([, r]) => r.flow === 'source').map(([id]) => id);
/** Roles whose nodes are sinks even with outgoing edges (`flow: 'sink'`). */
export const SINK_ROLES: readonly string[] = [...ROLE_REGISTRY].filter(([, r]) => r.flow === 'sink').map(([id]) => id);
