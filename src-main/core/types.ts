// Domain types shared by every part of the core, the CLI, the IPC contract and the renderer.
// Plain data only: nothing here imports Node or Electron.

export type Risk = 'safe' | 'elevated' | 'destructive';

/** A command and the judgement of how risky it is (see docs/cli-contract.md). */
export interface CommandJudgement {
  command: string;
  risk: Risk;
  /** Human-readable reasons; never empty when risk is not 'safe'. */
  reasons: string[];
}

export type Tier = 'rules' | 'docs' | 'local' | 'cloud' | 'fallback';

/** Where an answer's passages come from: the project's KOOMPI articles, man pages, the ArchWiki, KDE handbooks. */
export type SourceKind = 'koompi' | 'man' | 'archwiki' | 'kde';

/**
 * A documentation passage an answer was built from (docs tier) or given to the model (local/cloud).
 * `ref`: `name(section)` for a man page, the page URL for the ArchWiki, `koompi:<article>#<section>`.
 */
export interface AnswerSource {
  kind: SourceKind;
  title: string;
  ref: string;
}

/** What tier 1 decided about a question, without asking any model. */
export interface IntentMatch {
  /** e.g. 'pkg.install', 'service.restart', 'greeting'. */
  intent: string;
  /** 0..1; tier 1 acts directly only above ACT_THRESHOLD. */
  confidence: number;
  /** The action as argv (never a shell string), or null for answer-only intents such as greetings. */
  argv: string[] | null;
  /** The exact command line the action would run (argv joined with shell quoting), or null. */
  command: string | null;
  /** Markdown answer shown to the user (in the question's language). */
  text: string;
  /** 'en' or 'km': the language the question was asked in. */
  lang: 'en' | 'km';
}

export const ACT_THRESHOLD = 0.85;

/** One line of `--route-only` output. */
export interface RouteDecision {
  query: string;
  tier: 'rules' | 'llm';
  intent: string | null;
  confidence: number;
  command: string | null;
}

/** A command found in an answer, kept by the main process under an id. */
export interface SuggestedCommand extends CommandJudgement {
  id: string;
  /** argv when it came from an intent action (run without a shell), else null (run with bash -c). */
  argv: string[] | null;
}

/** The final result of asking a question (the `--json` output of koompi-ask). */
export interface Answer {
  tier: Tier;
  text: string;
  model: string | null;
  intent: string | null;
  commands: CommandJudgement[];
  /** The passages the answer comes from (docs) or was grounded in (local/cloud); [] when none. */
  sources: AnswerSource[];
  error: string | null;
}

/** Streaming events produced while a question is answered. */
export type AnswerEvent =
  | { type: 'start'; tier: Tier; model: string | null; intent: string | null }
  | { type: 'chunk'; text: string }
  | {
      type: 'stats';
      evalCount?: number;
      evalDurationNs?: number;
      tokensPerSecond?: number;
      doneReason?: string;
      /** Ollama's other timing fields, when the server sent them (koompi-ask eval reports them). */
      promptEvalCount?: number;
      promptEvalDurationNs?: number;
      loadDurationNs?: number;
      totalDurationNs?: number;
    }
  | { type: 'notice'; message: string }
  | { type: 'done'; answer: Answer };

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** The longest question any entry point accepts; longer ones get a clear refusal, never a silent cut. */
export const MAX_QUESTION_CHARS = 10_000;
