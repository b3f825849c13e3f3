// Suggested-commands public entry (STUB until issue 4 lands): extract commands from markdown and judge their risk.
import type { CommandJudgement } from '../types.js';

/** The runnable commands in a markdown answer (fenced bash/sh/shell/console blocks). */
export function extractCommands(_markdown: string): string[] {
  return [];
}

/** Judges one command line: safe / elevated / destructive with readable reasons. */
export function judgeCommand(command: string): CommandJudgement {
  return { command, risk: 'elevated', reasons: ['not judged yet'] };
}
