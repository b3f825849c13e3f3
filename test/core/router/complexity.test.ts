// Complexity classifier: creative and detailed requests, long and multi-part questions prefer the cloud.
import { describe, expect, it } from 'vitest';
import { classifyQuestion, detectLang } from '../../../src-main/core/router/index.js';

describe('classifyQuestion', () => {
  it.each([
    'write a script that renames my photos by date',
    'Write me a short poem about the Mekong',
    'compose a letter to my landlord',
    'draft an email asking for leave',
    'explain in detail how systemd starts services',
    'compare btrfs and ext4 for a laptop',
    'what is the difference between pacman and yay',
    'សរសេរកំណាព្យអំពីភ្លៀង',
    'ប្រៀបធៀប btrfs និង ext4',
    'why is my wifi slow? how do I check the signal? should I change the channel?',
    'a'.repeat(301),
  ])('complex: %s', (q) => {
    expect(classifyQuestion(q).complex).toBe(true);
  });

  it.each([
    'how do I mount my usb drive',
    'what is my ip address',
    'restart bluetooth',
    'why is my laptop hot?',
    'តើខ្ញុំដំឡើង firefox ដោយរបៀបណា?',
    'script to list files?',
  ])('simple: %s', (q) => {
    expect(classifyQuestion(q)).toEqual({ complex: false, reason: null });
  });
});

describe('detectLang', () => {
  it('Khmer letters make it km, else en', () => {
    expect(detectLang('សួស្តី')).toBe('km');
    expect(detectLang('install ស firefox')).toBe('km');
    expect(detectLang('hello')).toBe('en');
  });
});
