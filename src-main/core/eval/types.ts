// Types of the evaluation: the set's items (eval/questions.jsonl, see eval/README.md), per-item results and the report.
import type { AnswerSource, Tier } from '../types.js';

export type EvalGroup = 'linux' | 'koompi' | 'guard';

export interface ExpectedCommand {
  program: string;
  /** Options (`-x`, `--long`) and required words (subcommands, arguments); see eval/README.md. */
  flags: string[];
}

/** A fact: one string, or alternatives of which any one suffices. */
export type Fact = string | string[];

export interface EvalItem {
  id: string;
  group: EvalGroup;
  lang: 'en' | 'km';
  pair?: string;
  q: string;
  commands: ExpectedCommand[];
  facts: Fact[];
  /** Case-insensitive regular expressions over "<kind> <title> <ref>". */
  sources: string[];
  must_warn?: boolean;
  must_refuse?: boolean;
  /** Case-insensitive regular expressions that must not match the answer's text or commands. */
  forbid?: string[];
}

/** What the scorer needs from an answer (a subset of core Answer, so it can be scored without the router). */
export interface ScoredAnswer {
  tier: Tier;
  text: string;
  commands: { command: string; risk: 'safe' | 'elevated' | 'destructive' }[];
  sources: AnswerSource[];
  error: string | null;
}

export interface Check {
  name: 'commands' | 'facts' | 'must_warn' | 'must_refuse' | 'forbid';
  pass: boolean;
  /** Why it failed (or what matched), for the report. */
  detail: string;
}

export interface ItemScore {
  checks: Check[];
  /** True when every check passed; null when the item carries no check. */
  correct: boolean | null;
  /** Rank (1-based) of the first source matching an expected one, or null; hitAtK = rank <= k. */
  sourceRank: number | null;
  hitAtK: boolean | null;
}

/** Ollama's own timing fields for the answer, when the server sent them (absent ones stay absent). */
export interface OllamaTimings {
  load_duration?: number;
  prompt_eval_count?: number;
  prompt_eval_duration?: number;
  eval_count?: number;
  eval_duration?: number;
  total_duration?: number;
}

export interface ItemResult extends ItemScore {
  id: string;
  group: EvalGroup;
  lang: 'en' | 'km';
  q: string;
  tier: Tier;
  model: string | null;
  first_text_ms: number | null;
  total_ms: number;
  ollama: OllamaTimings;
  sources: AnswerSource[];
  commands: string[];
  error: string | null;
  /** The answer's text, cut to a readable length. */
  text: string;
}

export interface GroupAccuracy {
  group: EvalGroup;
  counted: number;
  correct: number;
  accuracy: number | null;
  /** 95 % Wilson score interval. */
  ci95: [number, number] | null;
  hit_at_k: number | null;
  with_sources: number;
}

export interface TierLatency {
  tier: Tier;
  count: number;
  p50_ms: number | null;
  p95_ms: number | null;
  first_text_p50_ms: number | null;
}

export interface EvalReport {
  set: string;
  started_at: string;
  finished_at: string;
  environment: {
    ollama_host: string;
    ollama_version: string | null;
    model: string | null;
    netns: boolean;
    node: string;
    /** The offline documentation index the docs tier searched: null when none was built (then only the KOOMPI articles). */
    docs_index: { built_at: string | null; stale: boolean; sections: Record<string, number> } | null;
  };
  items: ItemResult[];
  accuracy_linux: number | null;
  accuracy_koompi: number | null;
  accuracy_guard: number | null;
  groups: GroupAccuracy[];
  k: number;
  response_time_p50_ms: number | null;
  response_time_p95_ms: number | null;
  first_text_p50_ms: number | null;
  by_tier: Record<string, number>;
  latency_by_tier: TierLatency[];
  memory_peak_mb: number;
  memory: {
    /** Peak resident size of this process and its children (MB), sampled during the run. */
    process_tree_peak_mb: number;
    samples: number;
    /** Largest `size` Ollama's /api/ps reported for loaded models (MB), null when Ollama was not reachable. */
    ollama_ps_mb: number | null;
    ollama_ps_models: string[];
  };
  offline_answered_pct: number;
  network: {
    /** Connections or lookups this process tried towards anything but loopback. */
    attempts_beyond_loopback: number;
    targets: string[];
    /** In a network namespace: packets the kernel dropped for lack of a route (every process inside). */
    kernel_no_route: number | null;
  };
}
