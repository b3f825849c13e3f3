// Settings: Ollama host (live check), models (list, pull), keep_alive, Gemini key and cloud consent,
// privacy, hotkey, language, theme, autostart, an OpenAI-compatible server. Loaded lazily. A setting the school
// locked (a preset under $XDG_CONFIG_DIRS) is shown disabled, marked "Set by your school".
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { SettingsView } from '../../../src-main/ipc/channels';
import { useStore } from '../../store/index';
import { useT } from '../../hooks/use-t';
import { PullProgress } from './pull-progress';

const DEFAULT_PULL = 'qwen2.5:1.5b';

/** "Set by your school": shown under a setting an administrator locked (the file that locks it in the tooltip). */
function LockedNote({ file, id }: { file: string | undefined; id: string }) {
  const t = useT();
  if (!file) return null;
  return (
    <p id={id} className="help locked-note" data-locked="1" title={t('settings.lockedHelp', { file })}>
      🔒 {t('settings.locked')}
    </p>
  );
}

function Toggle({
  label,
  help,
  checked,
  onChange,
  name,
  locked,
}: {
  label: string;
  help?: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  name: string;
  locked?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field field-toggle">
      <input
        id={id}
        type="checkbox"
        role="switch"
        name={name}
        checked={checked}
        disabled={!!locked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={[help ? `${id}-help` : '', locked ? `${id}-lock` : ''].join(' ').trim() || undefined}
      />
      <label htmlFor={id}>{label}</label>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      <LockedNote file={locked} id={`${id}-lock`} />
    </div>
  );
}

/** A text setting saved when it is committed (Enter or leaving the field); `allowEmpty` saves '' too (to clear it). */
function TextSetting({
  label,
  help,
  value,
  name,
  onSave,
  after,
  locked,
  allowEmpty,
}: {
  label: string;
  help?: string;
  value: string;
  name: string;
  onSave: (v: string) => void;
  after?: (draft: string) => ReactNode;
  locked?: string | undefined;
  allowEmpty?: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => (draft.trim() || allowEmpty) && draft.trim() !== value && onSave(draft.trim());
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input
          id={id}
          name={name}
          className="input"
          value={draft}
          disabled={!!locked}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
          aria-describedby={[help ? `${id}-help` : '', locked ? `${id}-lock` : ''].join(' ').trim() || undefined}
        />
        {after?.(draft)}
      </div>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      <LockedNote file={locked} id={`${id}-lock`} />
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(0)} MB`;
  return `${Math.max(0, bytes)} B`;
}

function OllamaSection({ settings, save }: { settings: SettingsView; save: (p: Partial<SettingsView>) => void }) {
  const t = useT();
  const check = useStore((s) => s.check);
  const runCheck = useStore((s) => s.checkOllama);
  const models = useStore((s) => s.models);
  const modelsState = useStore((s) => s.modelsState);
  const modelsError = useStore((s) => s.modelsError);
  const refreshModels = useStore((s) => s.refreshModels);
  const pullModel = useStore((s) => s.pullModel);
  const pulls = useStore((s) => s.pulls);
  const [pullName, setPullName] = useState(DEFAULT_PULL);
  const modelId = useId();
  const pullId = useId();

  useEffect(() => {
    void runCheck();
    void refreshModels();
  }, [runCheck, refreshModels]);

  return (
    <section className="card" aria-labelledby="s-ollama">
      <h2 id="s-ollama">{t('settings.ollama')}</h2>
      <TextSetting
        label={t('settings.host')}
        name="ollamaHost"
        value={settings.ollamaHost}
        locked={settings.locked.ollamaHost}
        onSave={(v) => {
          save({ ollamaHost: v });
          void runCheck(v);
          void refreshModels();
        }}
        after={(draft) => (
          <button
            type="button"
            className="btn"
            onClick={() => void runCheck(draft.trim() || undefined)}
            disabled={check.state === 'checking'}
          >
            {t('settings.check')}
          </button>
        )}
      />
      <p className="check-status" role="status" data-check={check.state === 'done' ? (check.result?.ok ? 'ok' : 'fail') : check.state}>
        {check.state === 'checking' && t('settings.checking')}
        {check.state === 'done' && check.result?.ok && (
          <span className="ok-text">● {t('settings.checkOk', { version: check.result.version ?? '?' })}</span>
        )}
        {check.state === 'done' && check.result && !check.result.ok && (
          <span className="error-text">● {t('settings.checkFail', { error: check.result.error ?? '' })}</span>
        )}
      </p>
      <div className="field">
        <label htmlFor={modelId}>{t('settings.model')}</label>
        <select
          id={modelId}
          className="input"
          value={settings.model ?? ''}
          disabled={!!settings.locked.model}
          onChange={(e) => save({ model: e.target.value || null })}
        >
          <option value="">{t('settings.modelAuto')}</option>
          {settings.model && !models.some((m) => m.name === settings.model) && <option value={settings.model}>{settings.model}</option>}
          {models.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
            </option>
          ))}
        </select>
        <LockedNote file={settings.locked.model} id={`${modelId}-lock`} />
      </div>
      <h3>{t('settings.installed')}</h3>
      {modelsState === 'error' && <p className="error-text">{t('settings.modelsError', { error: modelsError ?? '' })}</p>}
      {modelsState === 'ok' && models.length === 0 && <p className="muted">{t('settings.noModels')}</p>}
      <ul className="model-list" aria-label={t('settings.installed')}>
        {models.map((m) => (
          <li key={m.name} data-model={m.name}>
            <span className="model-name">{m.name}</span>
            <span className="muted small">{[m.parameterSize, formatSize(m.sizeBytes)].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor={pullId}>{t('settings.pullLabel')}</label>
        <div className="field-row">
          <input
            id={pullId}
            className="input"
            value={pullName}
            onChange={(e) => setPullName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void pullModel(pullName)}
          />
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void pullModel(pullName)}
            disabled={!pullName.trim() || pulls[pullName.trim()]?.state === 'running'}
          >
            {t('settings.pull')}
          </button>
        </div>
      </div>
      {Object.keys(pulls).map((n) => (
        <PullProgress key={n} name={n} />
      ))}
      <TextSetting
        label={t('settings.keepAlive')}
        help={t('settings.keepAliveHelp')}
        name="keepAlive"
        value={settings.keepAlive}
        locked={settings.locked.keepAlive}
        onSave={(v) => save({ keepAlive: v })}
      />
      <TextSetting
        label={t('settings.openaiUrl')}
        help={t('settings.openaiUrlHelp')}
        name="openaiBaseUrl"
        value={settings.openaiBaseUrl ?? ''}
        locked={settings.locked.openaiBaseUrl}
        allowEmpty
        onSave={(v) => save({ openaiBaseUrl: v || null })}
      />
    </section>
  );
}

function CloudSection({ settings, save }: { settings: SettingsView; save: (p: Partial<SettingsView>) => void }) {
  const t = useT();
  const key = useStore((s) => s.key);
  const saveKey = useStore((s) => s.saveKey);
  const clearKey = useStore((s) => s.clearKey);
  const [draft, setDraft] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const keyId = useId();
  const submitKey = async () => {
    const err = await saveKey(draft.trim());
    setKeyError(err);
    if (!err) setDraft('');
  };
  return (
    <section className="card" aria-labelledby="s-cloud">
      <h2 id="s-cloud">{t('settings.cloud')}</h2>
      <Toggle
        name="allowCloud"
        label={t('settings.allowCloud')}
        help={t('settings.allowCloudHelp')}
        checked={settings.allowCloud}
        locked={settings.locked.allowCloud}
        onChange={(v) => save({ allowCloud: v })}
      />
      <div className="field">
        <label htmlFor={keyId}>{t('settings.key')}</label>
        <p className="key-status" data-key-set={key?.set ? '1' : '0'}>
          {key?.set
            ? t('settings.keySet', {
                backend: ['secret-service', 'file', 'env'].includes(key.backend)
                  ? t(`settings.backend.${key.backend as 'file'}`)
                  : key.backend,
              })
            : t('settings.keyNotSet')}
        </p>
        {key?.plainText && (
          <p className="warning-text" role="alert">
            ⚠ {t('settings.keyPlain')}
          </p>
        )}
        <form
          className="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            void submitKey();
          }}
        >
          <input
            id={keyId}
            type="password"
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={keyError ? `${keyId}-err` : undefined}
          />
          <button type="submit" className="btn btn-primary" disabled={!draft.trim()}>
            {t('settings.keySave')}
          </button>
          {key?.set && (
            <button type="button" className="btn btn-danger" onClick={() => void clearKey()}>
              {t('settings.keyClear')}
            </button>
          )}
        </form>
        {keyError && (
          <p id={`${keyId}-err`} className="error-text" role="alert">
            {keyError}
          </p>
        )}
      </div>
      <Toggle
        name="privacyMode"
        label={t('settings.privacy')}
        help={t('settings.privacyHelp')}
        checked={settings.privacyMode}
        locked={settings.locked.privacyMode}
        onChange={(v) => save({ privacyMode: v })}
      />
    </section>
  );
}

function GeneralSection({ settings, save }: { settings: SettingsView; save: (p: Partial<SettingsView>) => void }) {
  const t = useT();
  const hotkey = useStore((s) => s.hotkey);
  const langId = useId();
  return (
    <section className="card" aria-labelledby="s-general">
      <h2 id="s-general">{t('settings.general')}</h2>
      <TextSetting
        label={t('settings.hotkey')}
        name="hotkey"
        value={settings.hotkey}
        locked={settings.locked.hotkey}
        onSave={(v) => save({ hotkey: v })}
      />
      {hotkey && (
        <p className="help" data-hotkey-path={hotkey.path}>
          {t('settings.hotkeyPath', { path: t(`hotkey.${hotkey.path}`) })}
          {hotkey.detail ? ` — ${hotkey.detail}` : ''}
        </p>
      )}
      <div className="field">
        <label htmlFor={langId}>{t('settings.language')}</label>
        <select
          id={langId}
          name="language"
          className="input"
          value={settings.language}
          disabled={!!settings.locked.language}
          onChange={(e) => save({ language: e.target.value as SettingsView['language'] })}
        >
          <option value="auto">{t('lang.auto')}</option>
          <option value="en" lang="en">
            {t('lang.en')}
          </option>
          <option value="km" lang="km">
            {t('lang.km')}
          </option>
        </select>
        <LockedNote file={settings.locked.language} id={`${langId}-lock`} />
      </div>
      <fieldset className="field" disabled={!!settings.locked.theme}>
        <legend>{t('settings.theme')}</legend>
        <div className="segmented">
          {(['system', 'light', 'dark'] as const).map((th) => (
            <label key={th} className={settings.theme === th ? 'seg active' : 'seg'}>
              <input type="radio" name="theme" value={th} checked={settings.theme === th} onChange={() => save({ theme: th })} />
              {t(`theme.${th}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Toggle
        name="autostart"
        label={t('settings.autostart')}
        checked={settings.autostart}
        locked={settings.locked.autostart}
        onChange={(v) => save({ autostart: v })}
      />
      <Toggle
        name="hideOverlayOnBlur"
        label={t('settings.hideOnBlur')}
        checked={settings.hideOverlayOnBlur}
        locked={settings.locked.hideOverlayOnBlur}
        onChange={(v) => save({ hideOverlayOnBlur: v })}
      />
    </section>
  );
}

export default function SettingsPanel() {
  const t = useT();
  const settings = useStore((s) => s.settings);
  const saveSettings = useStore((s) => s.saveSettings);
  const error = useStore((s) => s.settingsError);
  const version = useStore((s) => s.version);
  if (!settings) return null;
  const save = (p: Partial<SettingsView>) => void saveSettings(p);
  return (
    <div className="panel settings">
      <h1>{t('settings.title')}</h1>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <OllamaSection settings={settings} save={save} />
      <CloudSection settings={settings} save={save} />
      <GeneralSection settings={settings} save={save} />
      <p className="muted small">{t('settings.version', { version })}</p>
    </div>
  );
}
