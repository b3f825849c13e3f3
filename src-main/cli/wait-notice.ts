// "Loading the model… 12 s" on stderr while a model has not sent its first word (a cold model can take up to a
// minute and a half to load): redrawn each second on a TTY, one line after a few seconds when stderr is not one.
export interface WaitNotice {
  /** A model tier started: begin counting. */
  begin(model: string | null, tier: 'local' | 'cloud'): void;
  /** Clear the line (a notice is about to be printed); counting goes on. */
  pause(): void;
  /** The first word came, or the answer ended. */
  stop(): void;
}

const TEXT = {
  en: (m: string, s: number, tier: string) =>
    tier === 'local' ? `Loading ${m} (the first answer after a while can take a minute)… ${s} s` : `Waiting for ${m}… ${s} s`,
  km: (m: string, s: number, tier: string) =>
    tier === 'local' ? `កំពុងផ្ទុក ${m} (ចម្លើយដំបូងអាចចំណាយពេលមួយនាទី)… ${s} វិនាទី` : `កំពុងរង់ចាំ ${m}… ${s} វិនាទី`,
};

export function startWaitNotice(
  err: NodeJS.WritableStream & { isTTY?: boolean },
  lang: 'en' | 'km',
  opts: { firstAfterMs?: number } = {},
): WaitNotice {
  const tty = err.isTTY === true;
  const firstAfter = opts.firstAfterMs ?? (tty ? 1000 : 3000);
  let timer: NodeJS.Timeout | null = null;
  let started = 0;
  let drawn = false;
  let said = false;
  let label = '';
  let tier = 'local';
  const clear = (): void => {
    if (drawn) {
      err.write('\r\x1b[K');
      drawn = false;
    }
  };
  const tick = (): void => {
    const s = Math.round((Date.now() - started) / 1000);
    const line = TEXT[lang](label, s, tier);
    if (tty) {
      err.write(`\r\x1b[2m${line}\x1b[22m\x1b[K`);
      drawn = true;
    } else if (!said) {
      err.write(`koompi-ask: ${line}\n`);
      said = true;
    }
  };
  const stop = (): void => {
    if (timer) {
      clearInterval(timer);
      timer = null;
    }
    clear();
  };
  return {
    begin(model, t) {
      stop();
      label = model ?? (t === 'local' ? 'the local model' : 'the cloud model');
      tier = t;
      started = Date.now();
      said = false;
      timer = setTimeout(() => {
        tick();
        timer = setInterval(tick, 1000);
        timer.unref();
      }, firstAfter);
      timer.unref();
    },
    pause: clear,
    stop,
  };
}
