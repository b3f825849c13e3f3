// The run panel's terminal (xterm.js, loaded lazily): shows a command's pseudo-terminal output with colours and
// progress bars, sends typing (answers to pacman's prompt, Ctrl+C) and its size back to the main process, keeps the
// output after the command ends. Output comes from the runs slice; only the part not yet written is written.
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { withCspSafeStyles } from './csp-styles';
import { themeFor } from './terminal-theme';

const isDark = (): boolean => document.documentElement.dataset.theme === 'dark';

export default function TerminalView({ commandId }: { commandId: string }) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const sendInput = useStore((s) => s.sendRunInput);
  const resizeRun = useStore((s) => s.resizeRun);
  const running = useStore((s) => s.runs[commandId]?.status === 'running');
  const termRef = useRef<Terminal | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const mono = getComputedStyle(el).getPropertyValue('--mono').trim() || 'monospace';
    const term = new Terminal({
      fontFamily: mono,
      fontSize: 13,
      rows: 12,
      cols: 100,
      scrollback: 5000,
      convertEol: false,
      theme: themeFor(isDark()),
      cursorBlink: false,
      allowProposedApi: false,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    withCspSafeStyles(() => {
      term.open(el);
      safeFit(fit);
    });
    termRef.current = term;
    let written = 0;
    const pump = (): void => {
      const r = useStore.getState().runs[commandId];
      if (!r) return;
      if (r.outputTotal < written) {
        term.reset();
        written = 0;
      }
      const missing = r.outputTotal - written;
      if (missing <= 0) return;
      if (missing > r.output.length) {
        term.reset();
        term.write(r.output);
      } else term.write(r.output.slice(r.output.length - missing));
      written = r.outputTotal;
    };
    pump();
    const unsub = useStore.subscribe(pump);
    const data = term.onData((d) => {
      if (useStore.getState().runs[commandId]?.status === 'running') void sendInput(commandId, d);
    });
    const size = term.onResize(({ cols, rows }) => {
      void resizeRun(commandId, cols, rows);
    });
    void resizeRun(commandId, term.cols, term.rows);
    const ro = new ResizeObserver(() => withCspSafeStyles(() => safeFit(fit)));
    ro.observe(el);
    const themeWatch = new MutationObserver(() => {
      term.options.theme = themeFor(isDark());
    });
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      unsub();
      data.dispose();
      size.dispose();
      ro.disconnect();
      themeWatch.disconnect();
      term.dispose();
      termRef.current = null;
    };
  }, [commandId, sendInput, resizeRun]);

  useEffect(() => {
    const term = termRef.current;
    if (!term) return;
    term.options.disableStdin = !running;
    term.options.cursorBlink = running;
    if (running) term.focus();
    else term.write('\x1b[?25l'); // the command is over: no cursor inviting typing; the output stays
  }, [running]);

  return <div className="run-terminal" ref={host} role="group" aria-label={t('run.output')} data-command-id={commandId} />;
}

function safeFit(fit: FitAddon): void {
  try {
    fit.fit();
  } catch {
    /* not laid out yet */
  }
}
