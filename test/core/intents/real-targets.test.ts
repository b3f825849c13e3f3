// Tier 1 acts only on a request for that action with a real target (issue 12): adversarial sets by class, in our own
// words, against a small machine built in pacman's real database format, real unit folders and Flatpak app IDs.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decideRoute, matchIntent, type IntentContext } from '../../../src-main/core/intents/index.js';
import { packageIndex } from '../../../src-main/core/intents/pacman-db.js';
import { unitIndex } from '../../../src-main/core/intents/unit-files.js';
import { ACT_THRESHOLD } from '../../../src-main/core/types.js';
import { tempDir, writeLocalDb, writeSyncDb, writeUnits } from './pacman-fixture.js';

const db = tempDir('koompi-machine-');
writeSyncDb(db, 'core', ['linux', 'bash', 'python', 'systemd', 'pacman']);
writeSyncDb(db, 'extra', [
  'vlc',
  'gimp',
  'krita',
  'inkscape',
  'nodejs',
  'npm',
  'python-pip',
  'firefox',
  'audacity',
  'obs-studio',
  'kdenlive',
  'libreoffice-fresh',
  'htop',
  'cups',
  'docker',
  'openshot',
  'vlc-plugins-all',
  'pacman-contrib',
]);
writeLocalDb(db, ['linux', 'bash', 'python', 'vlc', 'gimp', 'firefox', 'cups', 'htop']);
const units = writeUnits(['cups.service', 'bluetooth.service', 'NetworkManager.service', 'sshd.service', 'fstrim.timer', 'docker.service']);
const userUnits = writeUnits(['pipewire.service', 'pipewire-pulse.service', 'wireplumber.service']);
afterAll(() => {
  for (const d of [db, units, userUnits]) rmSync(d, { recursive: true, force: true });
});

const MACHINE: IntentContext = {
  hasKoompiCli: false,
  hasCheckupdates: true,
  packages: packageIndex(db),
  units: unitIndex([units], [userUnits]),
  flatpaks: ['org.kde.kdenlive', 'com.spotify.Client'],
};
const BARE: IntentContext = {
  hasKoompiCli: false,
  hasCheckupdates: false,
  packages: packageIndex(`${db}/none`),
  units: null,
  flatpaks: [],
};
const run = (q: string, ctx = MACHINE): string | null => decideRoute(q, ctx).command;

/** Requests that must not act: [question, why]. */
const NO_ACTION: Record<string, string[]> = {
  'a search without software is not a package search': [
    'search for the directory named build ignoring case',
    'find lines matching error in the log',
    'look up the word ephemeral',
    'query the table for duplicate rows',
    'search my notes for the meeting date',
    'find which process uses port 8080',
    'search recursively for a string in every file',
    'look for large files in downloads',
    'find tools to manage disks',
    'search for packages containing a keyword',
    'look for gimp',
  ],
  'generic words are not package names': [
    'install a specific package',
    'install the right driver',
    'install something for pdfs',
    'remove the old version',
    'install dependencies',
    'uninstall the tool',
    'install a newer kernel',
    'add a new entry to the table',
  ],
  'aliases on the wrong sense': [
    'uninstall a python package',
    'remove the npm module i added yesterday',
    'add a node to the swarm',
    'install a vscode extension for rust',
    'remove a firefox add-on',
    'install a java library with maven',
    'delete the docker image',
    'add a python dependency to the project',
    'add node',
    'get signal going again',
    'sync',
    'refresh',
  ],
  'a verb and any noun is not a unit': [
    'restart every service',
    'stop all the daemons',
    'disable a network',
    'restart the frobnicator service',
    'enable any unit that failed',
    'start a server',
    'stop the process',
    'restart some services',
    'disable network',
    'stop the internet',
    'restart the web server',
  ],
  'checking for updates is never the upgrade': [
    'check for updates',
    'check for available upgrades',
    'are there any updates?',
    'any updates pending',
    'see if there are new versions',
    'is my system up to date?',
    'download updates',
    'fetch the updates',
    'list upgradable packages',
  ],
  'a name the machine does not have is a guess': [
    'install definitely-not-a-package',
    'install vlc and notreal',
    'remove krita',
    'uninstall inkscape please',
    'get rid of some-tool-i-made',
  ],
};

describe.each(Object.entries(NO_ACTION))('%s', (_name, questions) => {
  it.each(questions)('%j does not act', (q) => {
    const c = run(q);
    expect(c === null || !/-Syu|koompi\s+(pkg\s+)?update/.test(c), `${q} -> ${c}`).toBe(true);
    if (c !== null) expect(c, q).toBe('checkupdates');
  });
});

/** Requests with a real target that must act: [question, the exact command]. */
const ACTS: [string, string][] = [
  ['install vlc', 'sudo pacman -S --needed vlc'],
  ['please install krita and inkscape', 'sudo pacman -S --needed krita inkscape'],
  ['install obs studio', 'sudo pacman -S --needed obs-studio'],
  ['install node', 'sudo pacman -S --needed nodejs'],
  ['remove gimp', 'sudo pacman -Rs gimp'],
  ['uninstall kdenlive', 'flatpak uninstall org.kde.kdenlive'],
  ['search for package vlc', 'pacman -Ss vlc'],
  ['search for a package for video editing', 'pacman -Ss video editing'],
  ['restart cups', 'sudo systemctl restart cups'],
  ['restart the bluetooth service', 'sudo systemctl restart bluetooth'],
  ['restart pipewire', 'systemctl --user restart pipewire'],
  ['enable the docker service', 'sudo systemctl enable --now docker'],
  ['check for updates', 'checkupdates'],
  ['are there any updates?', 'checkupdates'],
  ['list upgradable packages', 'checkupdates'],
  ['get krita', 'sudo pacman -S --needed krita'],
  ['update the system', 'sudo pacman -Syu'],
];

describe('a request with a real target acts', () => {
  it.each(ACTS)('%j → %s', (q, expected) => {
    expect(run(q)).toBe(expected);
  });
});

describe('confidence means something', () => {
  it('a checked name scores sure, a guess scores below acting', () => {
    expect(matchIntent('install vlc', MACHINE)!.confidence).toBeGreaterThan(ACT_THRESHOLD);
    for (const q of ['install notreal', 'remove krita', 'restart the frobnicator service', 'search for directory foo']) {
      const m = matchIntent(q, MACHINE);
      if (m) {
        expect(m.confidence, q).toBeLessThanOrEqual(ACT_THRESHOLD);
        expect(m.argv, q).toBeNull();
      }
    }
  });
  it('without checkupdates the model answers the check', () => {
    expect(decideRoute('check for updates', BARE)).toMatchObject({ tier: 'llm', command: null });
  });
});

describe('with no database, the curated list decides (never a leftover word)', () => {
  it.each([
    ['install vlc', 'sudo pacman -S --needed vlc'],
    ['install specific', null],
    ['install foo-bar', null],
    ['search for directory foo', null],
    ['restart cups', 'sudo systemctl restart cups'],
    ['restart the frobnicator service', null],
  ] as const)('%j → %s', (q, expected) => {
    expect(run(q, BARE)).toBe(expected);
  });
});
