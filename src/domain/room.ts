/**
 * Mock-interview rooms, the pure part: room ids and capabilities, the links that carry them, the names
 * of a room's three shared documents, and the room's control record (phase timer, follow-ups, hints
 * revealed to the candidate) with its schema.
 *
 * Capabilities. The interviewer's key is 32 bytes from `crypto.getRandomValues` (256 bits). The room
 * id is the first 18 bytes (144 bits) of SHA-256("archboard-room-v1:" + key), base64url. The candidate
 * link carries only the room id; the interviewer link carries the key as well. Anyone with the room id
 * can edit the design; only someone with the key can prove the interviewer role (the server recomputes
 * the id from the key), and SHA-256 does not give the key back from the id. The server stores no
 * secret: any instance can check a key, which keeps several instances behind Redis simple.
 *
 * Documents of a room (Hocuspocus document names):
 * - `<roomId>`: the design (both roles read and write);
 * - `<roomId>/control`: timer, follow-ups, revealed hints (interviewer writes, candidate reads only);
 * - `<roomId>/interviewer`: the interviewer's private notes (the candidate's connection is refused).
 */
import { z } from 'zod';
import { jsonPath } from './catalog.ts';
import type { LoadedScenario } from './content.ts';
import type { Requirement, Scenario } from './scenario.ts';
import { applyWhatIf, type WhatIf } from './what-if.ts';
import { PHASE_MINUTES_RANGE } from './interview.ts';

export type RoomRole = 'candidate' | 'interviewer';

/** Length of a room id in characters (18 bytes of base64url = 144 bits). */
export const ROOM_ID_CHARS = 24;
/** Length of an interviewer key in characters (32 bytes of base64url). */
export const ROOM_KEY_CHARS = 43;
const ROOM_ID_RE = /^[A-Za-z0-9_-]{24}$/;
const ROOM_KEY_RE = /^[A-Za-z0-9_-]{43}$/;

/** The kinds of document a room has (see the file comment). */
export type RoomChannel = 'design' | 'control' | 'interviewer';

/** Base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A new interviewer key: 32 bytes from `crypto.getRandomValues`, base64url (43 characters).
 * @param random the source of randomness (tests may pass their own; defaults to `globalThis.crypto`)
 */
export function newRoomKey(random: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  return base64url(random.getRandomValues(new Uint8Array(32)));
}

/**
 * The room id that belongs to an interviewer key: SHA-256("archboard-room-v1:" + key), first 18 bytes,
 * base64url (24 characters, 144 bits). Uses WebCrypto (`crypto.subtle`), in browsers and Node >= 20.
 * @throws TypeError when `key` is not a 43-character base64url key
 */
export async function roomIdForKey(key: string): Promise<string> {
  if (!ROOM_KEY_RE.test(key)) throw new TypeError('not an interviewer key');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`archboard-room-v1:${key}`));
  return base64url(new Uint8Array(digest).slice(0, 18));
}

export function isRoomId(value: unknown): value is string {
  return typeof value === 'string' && ROOM_ID_RE.test(value);
}
export function isRoomKey(value: unknown): value is string {
  return typeof value === 'string' && ROOM_KEY_RE.test(value);
}

/** The Hocuspocus document name of one of a room's documents. */
export function roomDocumentName(roomId: string, channel: RoomChannel): string {
  return channel === 'design' ? roomId : `${roomId}/${channel}`;
}

/** Reads a document name back into its room and channel; undefined for anything else. */
export function parseRoomDocumentName(name: string): { roomId: string; channel: RoomChannel } | undefined {
  const m = /^([A-Za-z0-9_-]{24})(?:\/(control|interviewer))?$/.exec(name);
  if (!m) return undefined;
  return { roomId: m[1]!, channel: (m[2] as RoomChannel | undefined) ?? 'design' };
}

/** What a room link says: the room, the scenario, and (interviewer's link only) the key. */
export interface RoomLink {
  roomId: string;
  scenarioId: string;
  key?: string;
}

/**
 * The URL fragment (without `#`) of a room link: `room=<id>&s=<scenario>` (candidate), plus `&key=<key>`
 * (interviewer). In the fragment, the ids never reach the web server's logs.
 */
export function encodeRoomFragment(link: RoomLink): string {
  const p = new URLSearchParams({ room: link.roomId, s: link.scenarioId });
  if (link.key) p.set('key', link.key);
  return p.toString();
}

/**
 * Reads a room link's fragment (`location.hash`, with or without `#`).
 * @returns the link, or undefined when the fragment is not a room link or its room id or key is malformed
 */
export function decodeRoomFragment(hash: string): RoomLink | undefined {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const roomId = p.get('room');
  const scenarioId = p.get('s');
  const key = p.get('key');
  if (!isRoomId(roomId) || !scenarioId || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(scenarioId)) return undefined;
  if (key !== null && !isRoomKey(key)) return undefined;
  return { roomId, scenarioId, ...(key ? { key } : {}) };
}

/** A requirement borrowed from another scenario by a follow-up. */
export interface AddedRequirement {
  scenarioId: string;
  requirementId: string;
}

/** Follow-ups an interviewer pushed: a workload change and requirements added from other scenarios. */
export interface FollowUps {
  whatIf?: WhatIf;
  added: AddedRequirement[];
}

const positive = z.number().finite().positive().max(1e6);
const followUpsSchema = z.strictObject({
  whatIf: z.strictObject({ volumeFactor: positive.optional(), ingestGBPerDay: positive.optional(), peakFactor: z.number().finite().min(1).max(1000).optional() }).optional(),
  added: z.array(z.strictObject({ scenarioId: z.string().min(1).max(100), requirementId: z.string().min(1).max(100) })).max(50),
});

const minutes = z.number().int().min(PHASE_MINUTES_RANGE.min).max(PHASE_MINUTES_RANGE.max);
/**
 * The room's control record (document `<roomId>/control`, map `control`, one JSON value per key):
 * `timer` (start in epoch ms, phase split in minutes) once the interviewer starts the clock;
 * `followUps`; `hints` (requirement id → number of hints revealed to the candidate, 1-3).
 */
export const roomControlSchema = z.strictObject({
  timer: z.strictObject({ startedAt: z.number().int().min(0), phaseMinutes: z.strictObject({ requirements: minutes, 'high-level-design': minutes, 'deep-dive': minutes }) }).optional(),
  followUps: followUpsSchema.optional(),
  hints: z.record(z.string().max(100), z.number().int().min(1).max(3)).optional(),
});
export type RoomControl = z.infer<typeof roomControlSchema>;

/**
 * Checks a control record read from the shared document (any JSON).
 * @returns the record, or the problems with JSON paths (a faulty or hostile client wrote it)
 */
export function parseRoomControl(data: unknown): { ok: true; control: RoomControl } | { ok: false; problems: { path: string; message: string }[] } {
  const r = roomControlSchema.safeParse(data);
  if (r.success) return { ok: true, control: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
}

/** A requirement id as it appears once borrowed: `<requirement>@<scenario>`, unique beside the scenario's own. */
export function borrowedRequirementId(added: AddedRequirement): string {
  return `${added.requirementId}@${added.scenarioId}`;
}

/**
 * The scenario as the follow-ups change it: the workload scaled by the what-if (`applyWhatIf`) and the
 * borrowed requirements appended (ids from `borrowedRequirementId`; a requirement the scenario already
 * has, or one that no longer exists, is skipped). Never throws: an invalid what-if (a factor that is
 * not positive) leaves the workload as it is.
 * @returns the same object when nothing changes
 */
export function applyFollowUps(scenario: Scenario, followUps: FollowUps | undefined, scenarios: readonly LoadedScenario[]): Scenario {
  if (!followUps) return scenario;
  let out = scenario;
  try {
    out = applyWhatIf(scenario, followUps.whatIf);
  } catch {
    out = scenario;
  }
  const extra: Requirement[] = [];
  const have = new Set(scenario.requirements.map((r) => r.id));
  for (const added of followUps.added) {
    const id = borrowedRequirementId(added);
    if (added.scenarioId === scenario.id || have.has(id)) continue;
    const from = scenarios.find((s) => s.scenario.id === added.scenarioId)?.scenario.requirements.find((r) => r.id === added.requirementId);
    if (!from) continue;
    have.add(id);
    extra.push({ ...from, id, params: structuredClone(from.params) });
  }
  return extra.length ? { ...out, requirements: [...out.requirements, ...extra] } : out;
}
