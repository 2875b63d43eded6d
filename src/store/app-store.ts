/**
 * The application store: the active design (the only state with undo history, through zundo's
 * `temporal`) and UI state (selection, scenario, theme, toasts, right-pane tab, banners and dialogs).
 * Every design edit goes through `applyCommand`; nothing else writes the design.
 */
import { newServiceNode } from '../domain/groups.ts';
import { applyWhatIf, isNeutralWhatIf, type WhatIf } from '../domain/what-if.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { temporal, type TemporalState } from 'zundo';
import { connectionAllowed } from '../domain/catalog.ts';
import { applyCommand, freshId, type Command } from '../domain/commands.ts';
import type { LoadedScenario, ShippedContent } from '../domain/content.ts';
import { emptyDesign, loadDesignText, serializeDesign, type Design, type DesignProblem, type LoadResult } from '../domain/design.ts';
import type { GradeReport } from '../domain/grade.ts';
import { applyFollowUps, type FollowUps, type RoomRole } from '../domain/room.ts';
import type { SimulationReport } from '../domain/simulation.ts';
import { downloadText } from '../adapters/download.ts';
import { createSaver, readPreference, readPreviousDesign, readStoredDesign, writePreference, writePreviousDesign, type KeptAside, type Saver } from '../adapters/persistence.ts';
import { readAllProgress, writeProgress } from '../adapters/progress.ts';
import { describeKept, scanKeptAside, type RecoveredRecord } from '../adapters/recovered.ts';
import type { StorageStatus } from '../adapters/storage.ts';
import { nextProgress, type ScenarioProgress } from '../domain/progress.ts';

export type RightTab = 'scenario' | 'feedback' | 'simulation' | 'inspector' | 'practice' | 'interviewer';
export type Theme = 'light' | 'dark';
export type ToastKind = 'info' | 'success' | 'warning' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  detail?: string;
  /** A button on the toast (e.g. "Export JSON" when saving failed). */
  action?: ToastAction;
}

/** A toast's button: its text and what it does. */
export interface ToastAction {
  label: string;
  run(): void;
}

export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

/** A dialog listing problems with their JSON paths (e.g. an import that failed). */
export interface ProblemsDialog {
  title: string;
  intro: string;
  problems: DesignProblem[];
}

/**
 * Undo and redo when the design is shared (a room or other tabs, see store/shared-design.ts): they
 * undo only this person's edits (Y.UndoManager with tracked origins) instead of zundo's snapshots.
 */
export interface SharedHistory {
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

export interface DispatchOptions {
  /** Consecutive commands with the same key (typing in one field) make one history entry. */
  coalesce?: string;
}

export interface AppState {
  readonly content: ShippedContent;
  scenarioId: string | undefined;
  /** The active scenario's design; the only state undo/redo covers. */
  design: Design;
  /** Designs of the scenarios not active, by scenario id. */
  designs: Record<string, Design>;
  selection: Selection;
  rightTab: RightTab;
  theme: Theme;
  /** Whether the theme was chosen by the user (otherwise it follows the system). */
  themeChosen: boolean;
  toasts: Toast[];
  report: GradeReport | undefined;
  /** The active scenario's workload run through the design (kept up to date with `report`, see grading.ts). */
  simulation: SimulationReport | undefined;
  /** The design `report` and `simulation` were computed for (grading.ts skips a design already analysed). */
  analysedDesign: Design | undefined;
  /** Whether edges show their data volume on the canvas (a preference kept in storage, like the theme). */
  edgeLabels: boolean;
  keptAside: KeptAside | undefined;
  /**
   * Every record kept aside in storage (unreadable, or the original of a repaired design), offered
   * until the user downloads or discards it (see adapters/recovered.ts).
   */
  recovered: RecoveredRecord[];
  /** Set while saving fails (storage full or refused): the work is only in this tab; saving is retried. */
  saveProblem: { reason: 'quota' | 'other'; since: number } | undefined;
  problemsDialog: ProblemsDialog | undefined;
  /**
   * Set while a shared design (from a share link) is shown read-only: every edit is refused and the
   * learner's own design waits in `ownDesign` (see store/shared-view.ts).
   */
  readOnly: { ownDesign: Design } | undefined;
  /**
   * The design the last whole replacement (New, Reference, Import, "Make a copy") replaced in the
   * active scenario, kept in storage so "Restore previous design" works after a reload too.
   */
  previousDesign: Design | undefined;
  /** Interview mode hides grading feedback (statuses, marks, score) until the learner submits; see store/practice-store.ts. */
  feedbackHidden: boolean;
  /** The learner's progress by scenario id (requirements passed now and best), kept in storage. */
  progress: Record<string, ScenarioProgress>;
  /**
   * A what-if on the active scenario's workload ("now 10x the volume"): grading and the simulation
   * run on the changed workload while it is set. Cleared when another scenario opens; progress is
   * not recorded meanwhile (it counts the scenario as written).
   */
  whatIf: WhatIf | undefined;
  /** Set while the design is shared: undo/redo go through it (see `SharedHistory`). */
  sharedHistory: SharedHistory | undefined;
  /** Whether the last edit joined the one before it in history (typing in one field); shared history follows it. */
  lastEditMerged: boolean;
  /** Follow-ups an interviewer pushed in a room: the active scenario as graded and shown includes them. */
  followUps: FollowUps | undefined;
  /** Set in a mock-interview room: the candidate sees no grading, the interviewer gets the Interviewer tab. */
  roomRole: RoomRole | undefined;

  dispatch(cmd: Command, options?: DispatchOptions): void;
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  setRightTab(tab: RightTab): void;
  setTheme(theme: Theme, chosen?: boolean): void;
  /** Shows or hides the volume labels on edges, and remembers the choice. */
  setEdgeLabels(on: boolean): void;
  /** Sets or clears (undefined) the what-if on the workload; a what-if that changes nothing clears it. */
  setWhatIf(whatIf: WhatIf | undefined): void;
  toast(kind: ToastKind, message: string, detail?: string, action?: ToastAction): number;
  dismissToast(id: number): void;
  selectScenario(id: string): void;
  /**
   * Adds a node of a catalog service at a canvas position, selects it; returns its id. With `parentId`
   * the node goes into that group and `position` is relative to the group's top-left corner. A group
   * gets `size`, by default `DEFAULT_GROUP_SIZE` (the node is made by `newServiceNode`, domain/groups.ts).
   */
  addService(serviceId: string, position: { x: number; y: number }, parentId?: string, size?: { width: number; height: number }): string | undefined;
  /** Connects two nodes if the catalog allows it; otherwise explains why in a toast. */
  connect(sourceId: string, targetId: string): boolean;
  deleteSelection(): void;
  newDesign(): void;
  loadReference(): void;
  /**
   * Replaces the whole design (one undo step); a non-empty design it replaces goes to the scenario's
   * "previous design" slot first. The views ask before calling this on a non-empty design.
   * @returns whether the design changed
   */
  replaceDesign(design: Design): boolean;
  /** Swaps the design with the "previous design" slot (so restoring is itself reversible). */
  restorePrevious(): void;
  /** Reads a design file's text; on failure opens the problems dialog and leaves the design untouched. */
  importText(text: string, fileName: string): boolean;
  /**
   * Takes a design read elsewhere (the analysis worker) as `importText` would take its text: on
   * failure the problems dialog, on success the design (one undo step), with its analyses when given.
   */
  importLoaded(result: LoadResult, fileName: string, analyses?: { report: GradeReport | undefined; simulation: SimulationReport | undefined }): boolean;
  dismissKeptAside(): void;
  /** Adds records to the recovered list (a record already listed under the same key is replaced). */
  addRecovered(records: readonly RecoveredRecord[]): void;
  /** Downloads a recovered record's text, then stops offering it (its storage key is removed). */
  downloadRecovered(key: string): void;
  /** Deletes a recovered record from storage and the list. */
  discardRecovered(key: string): void;
  /** Tries the failed saves again now. */
  retrySave(): void;
  /** Downloads the active design as JSON; returns the file's name (`<scenario>-design.json`). */
  exportDesign(): string;
  showProblems(dialog: ProblemsDialog | undefined): void;
}

export type AppStore = StoreApi<AppState> & { temporal: StoreApi<TemporalState<{ design: Design }>> };

export interface AppStoreOptions {
  content: ShippedContent;
  /** Web Storage for designs and preferences; undefined keeps everything in memory. */
  storage?: Storage;
  /** Where `pagehide` is listened for to flush saving. */
  eventTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  saveDelayMs?: number;
  /** The system's colour scheme, for the default theme. */
  prefersDark?: boolean;
  /** Scenario to open (defaults to the first; an id not in the content is ignored). */
  scenarioId?: string;
  /** The role in a mock-interview room (see store/room-store.ts); none outside a room. */
  roomRole?: RoomRole;
  /** The background writer behind `storage` (IndexedDB, see adapters/storage.ts), whose failures the store reports. */
  durable?: { readonly status: StorageStatus; onStatus(listener: (s: StorageStatus) => void): () => void; retryNow(): void };
}

/** How long an info or success toast stays (warnings 1.6 times as long; errors stay until dismissed). */
const TOAST_MS = 5000;
/** Most toasts shown at once. */
export const TOAST_CAP = 3;
const COALESCE_MS = 1500;

/** The grading report views may show: undefined while interview mode hides feedback. */
export function visibleReport(state: Pick<AppState, 'report' | 'feedbackHidden'>): GradeReport | undefined {
  return state.feedbackHidden ? undefined : state.report;
}

const withFollowUps = new WeakMap<LoadedScenario, WeakMap<FollowUps, LoadedScenario>>();

/** The scenario loaded in the store, if any, changed by the room's follow-ups (the same object for the same inputs). */
export function activeScenario(state: Pick<AppState, 'content' | 'scenarioId'> & Partial<Pick<AppState, 'followUps'>>): LoadedScenario | undefined {
  const loaded = state.content.scenarios.find((s) => s.scenario.id === state.scenarioId);
  const followUps = state.followUps;
  if (!loaded || !followUps) return loaded;
  let byFollowUps = withFollowUps.get(loaded);
  if (!byFollowUps) withFollowUps.set(loaded, (byFollowUps = new WeakMap()));
  let changed = byFollowUps.get(followUps);
  if (!changed) {
    const scenario = applyFollowUps(loaded.scenario, followUps, state.content.scenarios);
    changed = scenario === loaded.scenario ? loaded : { ...loaded, scenario };
    byFollowUps.set(followUps, changed);
  }
  return changed;
}

/** Creates the store, reading the stored design of the first scenario. */
export function createAppStore(options: AppStoreOptions): AppStore & { saver: Saver } {
  const { content, storage } = options;
  let nextToastId = 1;
  let lastCoalesce: { key: string; at: number } | undefined;
  const toastTimers = new Map<number, ReturnType<typeof setTimeout>>();

  const scenarioId = content.scenarios.find((s) => s.scenario.id === options.scenarioId)?.scenario.id ?? content.scenarios[0]?.scenario.id;
  const initial = readStoredDesign(storage, scenarioId, content.catalog);
  const storedTheme = readPreference(storage, 'theme');
  const theme: Theme = storedTheme === 'dark' || storedTheme === 'light' ? storedTheme : options.prefersDark ? 'dark' : 'light';
  const edgeLabels = readPreference(storage, 'edgeLabels') !== 'off';
  const progressRead = readAllProgress(
    storage,
    content.scenarios.map((s) => s.scenario.id),
  );
  // Everything kept aside, this start or earlier (scanned after the reads above moved what they could not read).
  const recoveredAtStart = scanKeptAside(storage, content.catalog);
  const keptRecord = (kept: KeptAside): RecoveredRecord =>
    kept.key
      ? { ...describeKept(kept.key, kept.raw, content.catalog, kept.problems), ...(initial.repaired ? { title: `Original of your saved design for ${kept.scenarioId ?? 'free design'} (repaired)` } : {}) }
      : { ...describeKept(kept.fromKey, kept.raw, content.catalog, kept.problems), notMoved: true };
  if (initial.keptAside) {
    const rec = keptRecord(initial.keptAside);
    const i = recoveredAtStart.findIndex((r) => r.key === rec.key);
    if (i >= 0) recoveredAtStart[i] = rec;
    else recoveredAtStart.push(rec);
  }

  const store = createStore<AppState>()(
    temporal(
      (set, get) => {
        const toast = (kind: ToastKind, message: string, detail?: string, action?: ToastAction) => {
          const id = nextToastId++;
          // Stacked, at most TOAST_CAP at a time: the oldest goes (its timer with it).
          const dropped = get().toasts.slice(0, Math.max(0, get().toasts.length - (TOAST_CAP - 1)));
          for (const t of dropped) {
            clearTimeout(toastTimers.get(t.id));
            toastTimers.delete(t.id);
          }
          set((s) => ({ toasts: [...s.toasts.slice(-(TOAST_CAP - 1)), { id, kind, message, ...(detail ? { detail } : {}), ...(action ? { action } : {}) }] }));
          if (kind !== 'error')
            toastTimers.set(
              id,
              setTimeout(() => get().dismissToast(id), kind === 'warning' ? TOAST_MS * 1.6 : TOAST_MS),
            );
          return id;
        };
        let readOnlyToldAt = 0;
        const commit = (cmd: Command, opts?: DispatchOptions) => {
          if (get().readOnly) {
            if (Date.now() - readOnlyToldAt > 4000) toast('info', 'This shared design is read-only.', 'Use "Make a copy" in the banner to edit it as your own.');
            readOnlyToldAt = Date.now();
            return false;
          }
          const before = get().design;
          const after = applyCommand(before, cmd);
          if (after === before) return false;
          const now = Date.now();
          const merge = opts?.coalesce !== undefined && lastCoalesce?.key === opts.coalesce && now - lastCoalesce.at < COALESCE_MS;
          lastCoalesce = opts?.coalesce !== undefined ? { key: opts.coalesce, at: now } : undefined;
          if (merge) {
            const t = (store as unknown as AppStore).temporal.getState();
            t.pause();
            set({ design: after, lastEditMerged: true });
            t.resume();
          } else set({ design: after, lastEditMerged: false });
          // Drop selected ids that no longer exist.
          const sel = get().selection;
          if (sel.nodeIds.length || sel.edgeIds.length) {
            const liveNodes = new Set(after.nodes.map((n) => n.id));
            const liveEdges = new Set(after.edges.map((e) => e.id));
            const nodeIds = sel.nodeIds.filter((id) => liveNodes.has(id));
            const edgeIds = sel.edgeIds.filter((id) => liveEdges.has(id));
            if (nodeIds.length !== sel.nodeIds.length || edgeIds.length !== sel.edgeIds.length) set({ selection: { nodeIds, edgeIds } });
          }
          return true;
        };
        return {
          content,
          scenarioId,
          design: initial.design,
          designs: {},
          selection: { nodeIds: [], edgeIds: [] },
          rightTab: 'scenario',
          theme,
          themeChosen: storedTheme === 'dark' || storedTheme === 'light',
          toasts: [],
          report: undefined,
          simulation: undefined,
          analysedDesign: undefined,
          edgeLabels,
          keptAside: initial.keptAside,
          recovered: recoveredAtStart,
          saveProblem: undefined,
          problemsDialog: undefined,
          readOnly: undefined,
          previousDesign: readPreviousDesign(storage, scenarioId, content.catalog),
          feedbackHidden: false,
          progress: progressRead.progress,
          whatIf: undefined,
          sharedHistory: undefined,
          lastEditMerged: false,
          followUps: undefined,
          roomRole: options.roomRole,

          dispatch: (cmd, opts) => void commit(cmd, opts),
          undo: () => {
            if (get().readOnly) return;
            lastCoalesce = undefined;
            const shared = get().sharedHistory;
            if (shared) return shared.undo();
            (store as unknown as AppStore).temporal.getState().undo();
          },
          redo: () => {
            if (get().readOnly) return;
            lastCoalesce = undefined;
            const shared = get().sharedHistory;
            if (shared) return shared.redo();
            (store as unknown as AppStore).temporal.getState().redo();
          },
          select: (selection) => set({ selection }),
          setRightTab: (rightTab) => set({ rightTab }),
          setTheme: (theme, chosen = true) => {
            set({ theme, themeChosen: get().themeChosen || chosen });
            if (chosen) writePreference(storage, 'theme', theme);
          },
          setEdgeLabels: (on) => {
            set({ edgeLabels: on });
            writePreference(storage, 'edgeLabels', on ? 'on' : 'off');
          },
          setWhatIf: (whatIf) => {
            const loaded = activeScenario(get());
            if (whatIf && loaded) {
              try {
                applyWhatIf(loaded.scenario, whatIf);
              } catch (e) {
                toast('error', 'That what-if cannot be simulated.', e instanceof Error ? e.message : String(e));
                return;
              }
            }
            set({ whatIf: isNeutralWhatIf(whatIf) ? undefined : whatIf });
          },
          toast,
          dismissToast: (id) => {
            clearTimeout(toastTimers.get(id));
            toastTimers.delete(id);
            set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
          },
          selectScenario: (id) => {
            if (get().readOnly) store.setState({ design: get().readOnly!.ownDesign, readOnly: undefined }); // leave a shared view first
            const s = get();
            if (id === s.scenarioId || !content.scenarios.some((x) => x.scenario.id === id)) return;
            saver.flush();
            const designs = { ...s.designs, ...(s.scenarioId ? { [s.scenarioId]: s.design } : {}) };
            let design = designs[id];
            let keptAside = s.keptAside;
            if (!design) {
              const read = readStoredDesign(storage, id, content.catalog);
              design = read.design;
              if (read.keptAside) {
                keptAside = read.keptAside;
                saver.hold(id, read.keptAside.key === undefined);
                const rec = read.keptAside.key
                  ? describeKept(read.keptAside.key, read.keptAside.raw, content.catalog, read.keptAside.problems)
                  : { ...describeKept(read.keptAside.fromKey, read.keptAside.raw, content.catalog, read.keptAside.problems), notMoved: true };
                get().addRecovered([read.repaired ? { ...rec, title: `Original of your saved design for ${id} (repaired)` } : rec]);
              }
            }
            writePreference(storage, 'scenario', id); // opened again at the next start
            const t = (store as unknown as AppStore).temporal.getState();
            t.pause();
            const previousDesign = readPreviousDesign(storage, id, content.catalog);
            set({ scenarioId: id, design, designs, previousDesign, selection: { nodeIds: [], edgeIds: [] }, keptAside, rightTab: 'scenario', whatIf: undefined });
            t.resume();
            t.clear();
          },
          addService: (serviceId, position, parentId, size) => {
            const entry = content.catalog.byId.get(serviceId);
            if (!entry || get().readOnly) return undefined;
            const node = newServiceNode(get().design, entry, position, parentId, size);
            const id = node.id;
            commit({ type: 'addNode', node });
            set({ selection: { nodeIds: [id], edgeIds: [] }, rightTab: 'inspector' });
            return id;
          },
          connect: (sourceId, targetId) => {
            const design = get().design;
            const source = design.nodes.find((n) => n.id === sourceId);
            const target = design.nodes.find((n) => n.id === targetId);
            const se = source && content.catalog.byId.get(source.service);
            const te = target && content.catalog.byId.get(target.service);
            if (!source || !target || !se || !te) return false;
            if (sourceId === targetId) {
              toast('warning', `${source.label || se.shortName} cannot connect to itself.`, 'A connection goes from one service to another: drop it on the service that receives the data.');
              return false;
            }
            if (design.edges.some((e) => e.source === sourceId && e.target === targetId)) {
              toast('info', `${source.label || se.shortName} already sends to ${target.label || te.shortName}.`);
              return false;
            }
            const allowed = connectionAllowed(se, te, content.catalog);
            if (!allowed.ok) {
              // The other way round is allowed (Lake Formation governs S3, S3 does not feed it): say so.
              const reverse = connectionAllowed(te, se, content.catalog).ok && !design.edges.some((e) => e.source === targetId && e.target === sourceId);
              const action: ToastAction | undefined = reverse && !get().readOnly ? { label: `Connect ${te.shortName} → ${se.shortName}`, run: () => void get().connect(targetId, sourceId) } : undefined;
              toast('warning', `Connection refused: ${se.shortName} → ${te.shortName}`, reverse ? `${allowed.reason} Connect ${te.name} → ${se.name} instead.` : allowed.reason, action);
              return false;
            }
            return commit({ type: 'connect', edge: { id: freshId(design, 'e'), source: sourceId, target: targetId } });
          },
          deleteSelection: () => {
            const { nodeIds, edgeIds } = get().selection;
            if (!nodeIds.length && !edgeIds.length) return;
            const before = get().design.nodes.length;
            commit({ type: 'removeElements', nodeIds, edgeIds });
            set({ selection: { nodeIds: [], edgeIds: [] } });
            // Deleting a group deletes what is in it: say so, with the way back.
            const members = before - get().design.nodes.length - nodeIds.length;
            if (members > 0) toast('info', `Deleted ${members === 1 ? '1 service' : `${members} services`} inside the deleted group too.`, 'Undo (Ctrl+Z) brings them back.');
          },
          replaceDesign: (design) => {
            const before = get().design;
            if (get().readOnly) return commit({ type: 'replace', design }); // refused, with the read-only hint
            const sid = get().scenarioId;
            const kept = before.nodes.length ? before : undefined;
            if (!commit({ type: 'replace', design })) return false;
            if (kept) {
              writePreviousDesign(storage, sid, kept);
              set({ previousDesign: kept });
            }
            set({ selection: { nodeIds: [], edgeIds: [] } });
            return true;
          },
          restorePrevious: () => {
            const previous = get().previousDesign;
            if (!previous || get().readOnly) return;
            const current = get().design;
            if (!commit({ type: 'replace', design: previous })) return;
            const kept = current.nodes.length ? current : undefined;
            writePreviousDesign(storage, get().scenarioId, kept);
            set({ previousDesign: kept, selection: { nodeIds: [], edgeIds: [] } });
            toast('success', 'Restored the previous design.', kept ? 'The design it replaced is now the previous design: restore it the same way.' : undefined);
          },
          newDesign: () => {
            if (get().replaceDesign(emptyDesign(get().scenarioId))) toast('info', 'Started a new design.', 'Undo or "Restore previous design" brings the previous one back.');
          },
          loadReference: () => {
            const scenario = activeScenario(get());
            if (!scenario) return;
            get().replaceDesign(structuredClone(scenario.reference));
            set({ rightTab: 'feedback' });
            toast('success', 'Reference design loaded.', 'Undo (Ctrl+Z) or "Restore previous design" brings your design back.');
          },
          importText: (text, fileName) => get().importLoaded(loadDesignText(text, content.catalog), fileName),
          importLoaded: (result, fileName, analyses) => {
            if (!result.ok) {
              set({
                problemsDialog: {
                  title: `Could not import ${fileName}`,
                  intro: 'The file was not imported and your design is unchanged. Problems found, with where they are in the file:',
                  problems: result.problems,
                },
              });
              return false;
            }
            const sid = get().scenarioId;
            const other = result.design.scenarioId && sid && result.design.scenarioId !== sid ? result.design.scenarioId : undefined;
            const design: Design = sid ? { ...result.design, scenarioId: sid } : result.design;
            get().replaceDesign(design);
            if (analyses && get().design === design) set({ ...analyses, analysedDesign: design });
            toast('success', `Imported ${fileName}: ${design.nodes.length} services, ${design.edges.length} connections.`, other ? `It was made for scenario "${other}"; it is graded against this one.` : undefined);
            return true;
          },
          dismissKeptAside: () => {
            const kept = get().keptAside;
            if (kept) saver.hold(kept.scenarioId, false);
            set({ keptAside: undefined });
          },
          addRecovered: (records) => {
            if (!records.length) return;
            const keys = new Set(records.map((r) => r.key));
            set((s) => ({ recovered: [...s.recovered.filter((r) => !keys.has(r.key)), ...records] }));
          },
          downloadRecovered: (key) => {
            const rec = get().recovered.find((r) => r.key === key);
            if (!rec) return;
            downloadText(rec.raw, rec.fileName);
            // Downloaded: no longer offered. One that could not be moved aside stays under its own key until overwritten.
            if (!rec.notMoved)
              try {
                storage?.removeItem(key);
              } catch {
                /* gone from the list; the next start offers it again */
              }
            get().discardRecovered(key);
          },
          discardRecovered: (key) => {
            const rec = get().recovered.find((r) => r.key === key);
            if (!rec) return;
            if (rec.notMoved) {
              const kept = get().keptAside;
              if (kept && kept.fromKey === key) saver.hold(kept.scenarioId, false);
            } else
              try {
                storage?.removeItem(key);
              } catch {
                /* ignore: offered again at the next start */
              }
            const kept = get().keptAside;
            set((s) => ({ recovered: s.recovered.filter((r) => r.key !== key), ...(kept && (kept.key === key || kept.fromKey === key) ? { keptAside: undefined } : {}) }));
          },
          retrySave: () => {
            saver.flush();
            options.durable?.retryNow();
          },
          exportDesign: () => {
            const s = get();
            const name = `${s.scenarioId ?? 'archboard'}-design.json`;
            downloadText(serializeDesign(s.design), name);
            return name;
          },
          showProblems: (problemsDialog) => set({ problemsDialog }),
        };
      },
      {
        partialize: (s) => ({ design: s.design }),
        equality: (a, b) => a.design === b.design,
        limit: 200,
      },
    ),
  ) as AppStore;

  const saver = createSaver(storage, {
    delayMs: options.saveDelayMs ?? 300,
    ...(options.eventTarget ? { target: options.eventTarget } : {}),
    onSaved: () => {
      saverProblem = undefined;
      showSaveProblem();
    },
    onError: (kind) => {
      saverProblem = saverProblem ?? { reason: kind, since: Date.now() };
      showSaveProblem();
    },
  });
  // Saving fails in the saver (a Storage that throws) or behind it (IndexedDB refusing a write): one banner for both.
  let saverProblem: AppState['saveProblem'];
  let durableProblem: AppState['saveProblem'];
  const showSaveProblem = () => {
    const next = saverProblem ?? durableProblem;
    const cur = store.getState().saveProblem;
    if (cur?.reason !== next?.reason || cur?.since !== next?.since) store.setState({ saveProblem: next });
  };
  const fromStatus = (st: StorageStatus) => {
    durableProblem = st.state === 'failing' ? { reason: st.reason, since: st.since } : st.state === 'saved' ? undefined : durableProblem;
    showSaveProblem();
  };
  if (options.durable) {
    fromStatus(options.durable.status);
    options.durable.onStatus(fromStatus);
  }
  if (progressRead.unreadable.length)
    store
      .getState()
      .addRecovered(
        progressRead.unreadable
          .map((u) => (u.keptKey ? describeKept(u.keptKey, '', content.catalog, u.problems) : { ...describeKept(u.key, '', content.catalog, u.problems), notMoved: true }))
          .map((r) => ({ ...r, raw: storage?.getItem(r.key) ?? r.raw })),
      );
  if (initial.keptAside?.key === undefined && initial.keptAside) saver.hold(scenarioId, true);
  store.subscribe((s, prev) => {
    if (s.design !== prev.design && s.scenarioId === prev.scenarioId && !s.readOnly) saver.schedule(s.scenarioId, s.design);
  });
  // Progress: recorded when a grading of the active scenario finishes (an untouched empty design is not an attempt).
  store.subscribe((s, prev) => {
    const r = s.report;
    if (!r || r === prev.report || r.scenarioId !== s.scenarioId || s.whatIf) return;
    const old = s.progress[r.scenarioId];
    if (!old && s.design.nodes.length === 0) return;
    const next = nextProgress(old, r.counts.pass, r.results.length);
    if (old && old.passed === next.passed && old.total === next.total && old.bestPassed === next.bestPassed && old.bestTotal === next.bestTotal) return;
    writeProgress(storage, r.scenarioId, next);
    store.setState({ progress: { ...s.progress, [r.scenarioId]: next } });
  });
  return Object.assign(store, { saver });
}
