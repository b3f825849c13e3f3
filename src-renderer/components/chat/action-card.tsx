// An intent answer (tier 'rules' with an action) as a card: the question the rules asked
// ("Install firefox with pacman?"), the exact command with its risk, and Run.
import type { UiMessage } from '../../store/chat-slice';
import { useT } from '../../hooks/use-t';
import { MarkdownView } from './markdown-view';
import { CommandActions, RunPanel } from './run-panel';

export function ActionCard({ message }: { message: UiMessage }) {
  const t = useT();
  return (
    <section className="action-card" aria-label={t('action.label')} data-intent={message.intent ?? ''}>
      <MarkdownView split={message.split} commands={null} />
      {message.commands.map((c) => (
        <div key={c.id} className="action-command">
          <code className="action-command-text">{c.command}</code>
          <CommandActions command={c} />
          <RunPanel commandId={c.id} />
        </div>
      ))}
    </section>
  );
}
