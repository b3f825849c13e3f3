// doctor:run: the core's diagnosis (Ollama, model, key, cloud) plus the app's own checks (hotkey path,
// key storage), as the contract's DoctorReport: each problem with its exact fix and, where the UI can
// do it, an action button (pull the model, open settings).
import type { DoctorCheck, DoctorReport, HotkeyStatus, KeyStatus } from '../../ipc/contract.js';
import type { DoctorReport as CoreDoctorReport } from '../doctor.js';

const LABEL: Record<string, string> = { settings: 'Settings file', ollama: 'Ollama', model: 'Local model', 'gemini-key': 'Gemini key', cloud: 'Cloud (Gemini)' };
const ID: Record<string, string> = { 'gemini-key': 'cloud-key', cloud: 'cloud-allowed' };

export const DEFAULT_PULL_MODEL = 'qwen2.5:1.5b';

function pullModelFrom(fix: string | null): string | null {
  const m = /models pull\s+([A-Za-z0-9][A-Za-z0-9._:/-]*)/.exec(fix ?? '');
  return m?.[1] ?? null;
}

export function toDoctorReport(core: CoreDoctorReport, extra: { hotkey: HotkeyStatus | null; key: KeyStatus }): DoctorReport {
  const checks: DoctorCheck[] = [];
  for (const c of core.checks) {
    if (c.id === 'settings' && c.status === 'ok') continue;
    const check: DoctorCheck = { id: ID[c.id] ?? c.id, ok: c.status === 'ok', label: LABEL[c.id] ?? c.id, detail: c.message, fix: c.fix };
    if (c.id === 'model' && c.status === 'fail') {
      check.action = { kind: 'pull-model', model: pullModelFrom(c.fix) ?? DEFAULT_PULL_MODEL };
    } else if ((c.id === 'gemini-key' || c.id === 'cloud') && c.status !== 'ok') {
      check.action = { kind: 'open-settings' };
    }
    checks.push(check);
  }
  if (extra.hotkey) {
    const h = extra.hotkey;
    checks.push({
      id: 'hotkey', ok: h.path !== 'none', label: 'Global hotkey', detail: h.detail,
      fix: h.path === 'none' ? 'System Settings → Shortcuts → Add Command: koompi-assistant --toggle' : null,
    });
  }
  const k = extra.key;
  checks.push(k.plainText
    ? { id: 'key-storage', ok: false, label: 'Key storage', detail: 'Only the plain-text backend is available: a stored Gemini key would not be encrypted.', fix: 'Enable KDE Wallet (System Settings → KDE Wallet) and restart the assistant, or set GEMINI_API_KEY instead.' }
    : { id: 'key-storage', ok: true, label: 'Key storage', detail: k.backend === 'env' ? 'The Gemini key comes from GEMINI_API_KEY.' : `Keys are kept encrypted (${k.backend}).`, fix: null });
  return { checks };
}
