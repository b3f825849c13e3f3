// Questions, statements and changes of mind are never turned into actions; they go to the model.
import { describe, expect, it } from 'vitest';
import { decideRoute } from '../../../src-main/core/intents/index.js';
import { cmd } from './helpers.js';

const QUESTIONS = [
  'how do I install firefox?',
  'what is a snapshot?',
  'why is my wifi slow',
  'I installed firefox and it crashes',
  'forget it',
  'should I remove vlc?',
  'can I uninstall gimp?',
  'what happens if I remove python',
  'how to update the system',
  'how can I uninstall a program?',
  'what is pacman?',
  "don't install vlc",
  'do not reboot',
  'never mind, cancel that',
  'tell me how to restart the sound service',
  'is it safe to update now?',
  'when should I take a snapshot?',
  'how do I check disk space?',
  'what are snapshots?',
  'why did the update fail',
  'my sound is not working',
  "what's the difference between vlc and mpv?",
  'I have installed gimp but it is slow',
  'install',
  'vlc',
  'តើខ្ញុំដំឡើងកម្មវិធីដោយរបៀបណា?',
  'តើ snapshot ជាអ្វី?',
  'ហេតុអ្វី wifi យឺត',
  'ខ្ញុំបានដំឡើង firefox ហើយវាគាំង',
  'ខ្ញុំអាចលុប vlc បានទេ?',
  'ខ្ញុំគួរលុប vlc ឬទេ?',
  'កុំដំឡើង vlc',
  'របៀបដំឡើង vlc',
];

describe('questions are not commands', () => {
  it.each(QUESTIONS)('%s → llm, no command', (q) => {
    const d = decideRoute(q, { hasKoompiCli: false });
    expect(d.tier).toBe('llm');
    expect(d.command).toBeNull();
  });

  it('polite requests phrased as questions still act', () => {
    expect(cmd('can you install vlc?')).toBe('sudo pacman -S --needed vlc');
    expect(cmd('could you update the system please?')).toBe('sudo pacman -Syu');
    expect(cmd('ជួយដំឡើង vlc បានទេ?')).toBe('sudo pacman -S --needed vlc');
  });
});
