// doctor:run: the core's diagnosis (Ollama, model, key, cloud) plus the app's own checks (hotkey path,
// key storage), as the channels' HealthReport: each problem with its exact fix and, where the UI can
// do it, an action button (pull the model, open settings). In English or Khmer (the settings' language).
import type { HealthCheck, HealthReport, HotkeyStatus, KeyStatus } from '../../ipc/channels.js';
import type { DoctorReport as CoreDoctorReport } from '../doctor.js';
import { doctorTexts, type DoctorLang } from '../doctor-texts.js';

const ID: Record<string, string> = { 'gemini-key': 'cloud-key', cloud: 'cloud-allowed' };

export const DEFAULT_PULL_MODEL = 'qwen2.5:1.5b';

function pullModelFrom(fix: string | null): string | null {
  const m = /models pull\s+([A-Za-z0-9][A-Za-z0-9._:/-]*)/.exec(fix ?? '');
  return m?.[1] ?? null;
}

export function toDoctorReport(
  core: CoreDoctorReport,
  extra: { hotkey: HotkeyStatus | null; key: KeyStatus },
  lang: DoctorLang = 'en',
): HealthReport {
  const t = doctorTexts(lang);
  const checks: HealthCheck[] = [];
  for (const c of core.checks) {
    if (c.id === 'settings' && c.status === 'ok') continue;
    const check: HealthCheck = {
      id: ID[c.id] ?? c.id,
      ok: c.status === 'ok',
      label: t.labels[c.id] ?? c.id,
      detail: c.message,
      fix: c.fix,
    };
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
      id: 'hotkey',
      ok: h.path !== 'none',
      label: t.labels.hotkey!,
      detail: h.detail,
      fix: h.path === 'none' ? t.hotkeyFix : null,
    });
  }
  const k = extra.key;
  checks.push(
    k.plainText
      ? { id: 'key-storage', ok: false, label: t.labels['key-storage']!, detail: t.keyPlain, fix: t.keyPlainFix }
      : {
          id: 'key-storage',
          ok: true,
          label: t.labels['key-storage']!,
          detail: k.backend === 'env' ? t.keyFromEnv : t.keyEncrypted(k.backend),
          fix: null,
        },
  );
  return { checks };
}
