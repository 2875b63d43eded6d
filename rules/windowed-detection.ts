/**
 * windowed-detection: something is detected within a time: a detector (a stream processor by default)
 * whose window is at most `maxWindowSeconds` sits on a data path from the source (through the given
 * kinds) and sends its results on to an alerting or serving sink, e.g. fraud or anomalies detected
 * within a 1-minute window. The window is the first of `windowSettings` the detector has in force
 * (Managed Service for Apache Flink and Glue streaming call it `windowSeconds`); a detector without
 * one handles each record as it arrives (window 0).
 */
import { z } from 'zod';
import { settingApplies } from '../src/domain/catalog.ts';
import type { ResolvedNode } from '../src/domain/graph.ts';
import { sinkReachedFrom } from '../src/domain/lake.ts';
import { defineRule, describeKinds, formatDuration, kindSchema, kindsSchema, sentenceCase, settingKeySchema } from '../src/domain/rule-kit.ts';

export default defineRule({
  id: 'windowed-detection',
  title: 'Detection happens within its time window',
  summary: 'a detector with a window of at most N s sits between the source and an alerting or serving sink',
  pillar: 'performance-efficiency',
  docUrl: 'https://docs.aws.amazon.com/managed-flink/latest/java/how-operators.html',
  params: z.strictObject({
    from: kindsSchema.default(['source']),
    /** Kinds the data passes through, in order, before the detector (e.g. `["stream"]`). */
    through: z.array(kindSchema).default([]),
    /** Kinds that can detect (hold the window). */
    detector: kindsSchema.default(['stream-processor']),
    /** Where detections go: an alerting service or a low-latency store an application reads. */
    to: kindsSchema.default(['alerting', 'key-value-store']),
    /** Longest accepted window, in seconds (60 for "within a 1-minute window"). */
    maxWindowSeconds: z.number().positive(),
    /** Integer settings, in seconds, that hold a detector's window; the first one in force counts. */
    windowSettings: z.array(settingKeySchema).min(1).default(['windowSeconds']),
  }),
  check(design, params, ctx) {
    const windowOf = (n: ResolvedNode): { seconds: number; label?: string } => {
      for (const key of params.windowSettings) {
        const spec = n.entry.settings[key];
        if (spec?.type === 'integer' && settingApplies(spec, n.settings)) return { seconds: Number(n.settings[key]), label: spec.label };
      }
      return { seconds: 0 };
    };
    // One search from every source serves every detector.
    const paths = design.fastestPathsFrom(
      design.nodesOf(params.from).map((n) => n.id),
      params.through,
    );
    const onPath = design.nodesOf(params.detector).flatMap((d) => {
      const path = paths.pathTo(d.id);
      const sink = path && sinkReachedFrom(design, d.id, params.to);
      return path && sink ? [{ detector: d, path, sink, span: windowOf(d) }] : [];
    });
    const limit = formatDuration(params.maxWindowSeconds * 1000);
    const detector = describeKinds(params.detector, ctx.catalog);
    if (!onPath.length) {
      const sources = design.nodesOf(params.from);
      return ctx.fail({
        code: 'no-detector',
        nodeIds: sources.map((n) => n.id),
        message: `${sentenceCase(detector)} is not on any path from ${describeKinds(params.from, ctx.catalog)}${params.through.length ? ` through ${describeKinds(params.through, ctx.catalog)}` : ''} that sends its detections on to ${describeKinds(params.to, ctx.catalog)}.`,
        remediation: `Read the data with ${detector} (a window of at most ${limit}) and send what it detects to ${describeKinds(params.to, ctx.catalog)}.`,
      });
    }
    if (onPath.some((c) => c.span.seconds <= params.maxWindowSeconds)) return;
    for (const c of onPath)
      ctx.fail({
        code: 'window-too-long',
        nodeIds: [c.detector.id],
        message: `${c.detector.label} detects over a ${formatDuration(c.span.seconds * 1000)} window, longer than ${limit}: a detection can come up to ${formatDuration(c.span.seconds * 1000)} after the event.`,
        remediation: `Set ${c.span.label ?? 'the window'} on ${c.detector.label} to at most ${params.maxWindowSeconds} s (a sliding window of ${limit} that emits more often keeps the full look-back).`,
      });
  },
});
