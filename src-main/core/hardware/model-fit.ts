// Which local model fits this machine, from its RAM (the plan's table): Qwen2.5 1.5B needs 2–3 GB, Phi-3-mini about
// 4 GB, TinyLlama 1.1B or Qwen2.5 0.5B fit where RAM is tight, and below that no model runs well: use the school's
// server. Read by `koompi-ask models setup` and the health check. Every text in English and Khmer.
import { readFileSync } from 'node:fs';
import { freemem, totalmem } from 'node:os';

const GB = 1024 ** 3;

export interface MemoryInfo {
  totalBytes: number;
  /** MemAvailable from /proc/meminfo (what can be used without swapping), else os.freemem(). */
  availableBytes: number;
}

export interface ModelFit {
  /** 'good': the default model fits; 'tight': only a tiny one; 'too-small': none runs well. */
  level: 'good' | 'tight' | 'too-small';
  /** The Ollama model to use, or null when none should run here. */
  model: string | null;
  /** Other models that fit too. */
  alternatives: string[];
  /** RAM the recommended model needs, in GB (the upper figure). */
  needsGb: number | null;
  en: string;
  km: string;
  /** What to do, or null when nothing needs doing. */
  fix: string | null;
}

export const FIT_TABLE = [
  { model: 'phi3:mini', name: 'Phi-3-mini', needsGb: 4, minTotalGb: 8 },
  { model: 'qwen2.5:1.5b', name: 'Qwen2.5 1.5B', needsGb: 3, minTotalGb: 4 },
  { model: 'qwen2.5:0.5b', name: 'Qwen2.5 0.5B', needsGb: 1, minTotalGb: 2.5 },
  { model: 'tinyllama:1.1b', name: 'TinyLlama 1.1B', needsGb: 1.5, minTotalGb: 2.5 },
] as const;

export const SCHOOL_SERVER_FIX =
  "Use the school's server: koompi-ask config set ollamaHost http://SERVER:11434 (or openaiBaseUrl http://SERVER:8000/v1)";

export function readMemory(meminfo = '/proc/meminfo'): MemoryInfo {
  let available = freemem();
  try {
    const m = /^MemAvailable:\s+(\d+)\s+kB/m.exec(readFileSync(meminfo, 'utf8'));
    if (m) available = Number(m[1]) * 1024;
  } catch {
    /* not Linux, or /proc hidden: freemem is the next best */
  }
  return { totalBytes: totalmem(), availableBytes: available };
}

const gb = (bytes: number): string => (bytes / GB).toFixed(1);

/** The recommendation for a machine with this much RAM. */
export function recommendModel(mem: MemoryInfo): ModelFit {
  const total = mem.totalBytes / GB;
  const t = gb(mem.totalBytes);
  const free = mem.availableBytes / GB;
  if (total >= 4) {
    const alt = total >= 8 ? ['phi3:mini'] : [];
    const short = free < 3 ? ` Only ${gb(mem.availableBytes)} GB is free now: close some apps before asking.` : '';
    const shortKm = free < 3 ? ` ឥឡូវនេះនៅទំនេរតែ ${gb(mem.availableBytes)} GB ប៉ុណ្ណោះ៖ សូមបិទកម្មវិធីខ្លះមុនពេលសួរ។` : '';
    return {
      level: 'good',
      model: 'qwen2.5:1.5b',
      alternatives: alt,
      needsGb: 3,
      en: `This machine has ${t} GB of RAM: Qwen2.5 1.5B (needs 2–3 GB) fits${alt.length ? '; Phi-3-mini (about 4 GB) fits too' : ''}.${short}`,
      km: `ម៉ាស៊ីននេះមាន RAM ${t} GB៖ Qwen2.5 1.5B (ត្រូវការ 2–3 GB) ដំណើរការបាន${alt.length ? '; Phi-3-mini (ប្រហែល 4 GB) ក៏បានដែរ' : ''}។${shortKm}`,
      fix: null,
    };
  }
  if (total >= 2.5) {
    return {
      level: 'tight',
      model: 'qwen2.5:0.5b',
      alternatives: ['tinyllama:1.1b'],
      needsGb: 1,
      en: `This machine has only ${t} GB of RAM: Qwen2.5 1.5B (2–3 GB) would be slow; use Qwen2.5 0.5B or TinyLlama 1.1B, or the school's server for better answers.`,
      km: `ម៉ាស៊ីននេះមាន RAM តែ ${t} GB៖ Qwen2.5 1.5B (2–3 GB) នឹងយឺត។ សូមប្រើ Qwen2.5 0.5B ឬ TinyLlama 1.1B ឬប្រើម៉ាស៊ីនមេរបស់សាលា ដើម្បីបានចម្លើយល្អជាង។`,
      fix: 'koompi-ask models pull qwen2.5:0.5b, then koompi-ask config set model qwen2.5:0.5b',
    };
  }
  return {
    level: 'too-small',
    model: null,
    alternatives: [],
    needsGb: null,
    en: `This machine has ${t} GB of RAM: too little to run a local model well. Ask through the school's server instead.`,
    km: `ម៉ាស៊ីននេះមាន RAM ${t} GB៖ តិចពេកសម្រាប់ដំណើរការម៉ូដែលក្នុងម៉ាស៊ីន។ សូមសួរតាមម៉ាស៊ីនមេរបស់សាលាជំនួសវិញ។`,
    fix: SCHOOL_SERVER_FIX,
  };
}
