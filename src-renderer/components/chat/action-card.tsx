// An intent answer (tier 'rules' with an action) as a card: the question the rules asked
// ("Install firefox with pacman?"), the exact command with its risk, and Run.
import type { UiMessage } from '../../store/chat-events';
import { useT } from '../../hooks/use-t';
import { useUnplacedCommands } from '../../hooks/use-unplaced-commands';
import { MarkdownView, useCommandMap } from './markdown-view';
import { StandaloneCommand } from './run-panel';

export function ActionCard({ message }: { message: UiMessage }) {
  const t = useT();
  const commands = useCommandMap(message.commands);
  // The action's command is shown in the text's code block when it has one, else on its own line.
  const unplaced = useUnplacedCommands(message);
  return (
    <section className="action-card" aria-label={t('action.label')} data-intent={message.intent ?? ''}>
      <MarkdownView split={message.split} commands={commands} />
      {unplaced.map((c) => (
        <StandaloneCommand key={c.id} command={c} />
      ))}
    </section>
  );
}
