/** The answer of the reference receiver's `GET /insights` (schema/openapi.json, `Insights`). */
import type { QualityCheck, ReadBackFactKind, ReasonCode } from '../../payload/types.js';

export interface Insights {
  generatedAt: string;
  range: { days: number; timeZone: string; from: string; to: string };
  training: 'included' | 'excluded';
  trainingLeftOut: number;
  handoffs: number;
  /** The days, `YYYY-MM-DD` in `range.timeZone`; every per-day list follows them. */
  labels: string[];
  byReason: Record<ReasonCode, number[]>;
  /** The busiest receiving teams; `team: null` counts the rest together. */
  byTeam: { team: string | null; teams?: number; total: number; byDay: number[] }[];
  priorityLane: { flagged: number; share: number; byDay: number[] };
  acks: {
    acknowledged: number;
    declined: number;
    pending: number;
    declineReasons: { reason: string; count: number }[];
  };
  timeToAck: {
    count: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
    buckets: { upToSeconds: number | null; count: number }[];
  };
  quality: {
    max: number;
    mean: number | null;
    scores: { score: number; count: number }[];
    missing: { check: QualityCheck; count: number; share: number }[];
  };
  readBack: { checked: number; complete: number; missed: { kind: ReadBackFactKind; count: number }[] };
  truncated: boolean;
}
