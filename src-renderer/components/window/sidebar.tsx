// The window's sidebar: new chat, conversation search, the list (open, delete) and the section nav.
import { useState } from 'react';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { Dialog } from '../common/dialog';
import { PlusIcon, TrashIcon } from '../common/icons';
import type { ConversationSummary } from '../../../src-main/ipc/channels';

export function Sidebar() {
  const t = useT();
  const conversations = useStore((s) => s.conversations);
  const search = useStore((s) => s.search);
  const setSearch = useStore((s) => s.setSearch);
  const activeId = useStore((s) => s.activeId);
  const open = useStore((s) => s.openConversation);
  const newConversation = useStore((s) => s.newConversation);
  const del = useStore((s) => s.deleteConversation);
  const panel = useStore((s) => s.panel);
  const setPanel = useStore((s) => s.setPanel);
  const busy = useStore((s) => s.pending !== null);
  const [toDelete, setToDelete] = useState<ConversationSummary | null>(null);

  return (
    <aside className="sidebar" id="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          K
        </span>
        {t('app.title')}
      </div>
      <button type="button" className="btn btn-primary btn-block" onClick={newConversation} disabled={busy}>
        <PlusIcon /> {t('chat.newChat')}
      </button>
      <label htmlFor="conv-search" className="visually-hidden">
        {t('sidebar.search')}
      </label>
      <input
        id="conv-search"
        type="search"
        className="input"
        placeholder={t('sidebar.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <nav className="conv-list" aria-label={t('sidebar.label')}>
        {conversations.length === 0 && (
          <p className="muted small conv-empty">{search.trim() ? t('sidebar.noMatch', { query: search.trim() }) : t('sidebar.empty')}</p>
        )}
        <ul>
          {conversations.map((c) => (
            <li key={c.id} className={c.id === activeId ? 'conv active' : 'conv'}>
              <button
                type="button"
                className="conv-open"
                onClick={() => void open(c.id)}
                aria-current={c.id === activeId ? 'true' : undefined}
                disabled={busy}
              >
                <span className="conv-title">{c.title}</span>
                <span className="conv-meta">
                  {formatDate(c.updatedAt)} · {t('sidebar.messages', { count: c.messageCount })}
                </span>
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-icon conv-delete"
                onClick={() => setToDelete(c)}
                aria-label={t('sidebar.deleteLabel', { title: c.title })}
                title={t('sidebar.delete')}
              >
                <TrashIcon />
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <nav className="sections" aria-label={t('nav.label')}>
        {(['chat', 'settings', 'doctor'] as const).map((p) => (
          <button
            key={p}
            type="button"
            className={panel === p ? 'section active' : 'section'}
            aria-current={panel === p ? 'page' : undefined}
            onClick={() => setPanel(p)}
          >
            {t(`nav.${p}`)}
          </button>
        ))}
      </nav>
      {toDelete && (
        <Dialog
          title={t('dialog.deleteTitle')}
          onClose={() => setToDelete(null)}
          fallbackFocus={() => document.getElementById('conv-search')}
        >
          <p>{t('dialog.deleteBody', { title: toDelete.title })}</p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setToDelete(null)} data-autofocus>
              {t('dialog.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => {
                const id = toDelete.id;
                setToDelete(null);
                void del(id).then(() => requestAnimationFrame(refocus));
              }}
            >
              {t('dialog.delete')}
            </button>
          </div>
        </Dialog>
      )}
    </aside>
  );
}

/** After a delete removes the focused row, focus goes to the search box instead of being lost. */
function refocus() {
  const a = document.activeElement;
  if (!a || a === document.body || !a.isConnected) document.getElementById('conv-search')?.focus();
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const now = new Date();
  return d.toDateString() === now.toDateString()
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}
