// The normaliser: invisible characters, Khmer spelling variants, punctuation, case and spacing.
import { describe, expect, it } from 'vitest';
import { foldKhmer, normalize } from '../../../src-main/core/intents/normalize.js';

describe('normalize', () => {
  it('removes zero-width and other format characters', () => {
    for (const zw of ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD', '\u200E']) {
      expect(normalize(`ins${zw}tall v${zw}lc`).text).toBe('install vlc');
    }
  });

  it('lowercases, strips punctuation and collapses whitespace', () => {
    expect(normalize('  Please   INSTALL "VLC"!!  ').text).toBe('please install vlc');
    expect(normalize('install vlc,gimp, inkscape').text).toBe('install vlc and gimp and inkscape');
    expect(normalize("What's up?").text).toBe('whats up');
    expect(normalize('install vlc.').text).toBe('install vlc');
    expect(normalize('install python3.11 and g++').text).toBe('install python3.11 and g++');
    expect(normalize('Wi-Fi settings').text).toBe('wifi settings');
    expect(normalize('restore snapshot #5').text).toBe('restore snapshot 5');
  });

  it('remembers a question mark in any script', () => {
    expect(normalize('install vlc?').questionMark).toBe(true);
    expect(normalize('install vlc？').questionMark).toBe(true);
    expect(normalize('install vlc').questionMark).toBe(false);
  });

  it('folds Khmer spelling variants to one form', () => {
    expect(normalize('តំឡើង vlc').text).toBe(normalize('ដំឡើង vlc').text);
    // coeng TA vs coeng DA (ណ្ត / ណ្ដ, ផ្ត / ផ្ដ)
    expect(foldKhmer('ចាប់ផ្\u17D2\u178Fើម')).toBe(foldKhmer('ចាប់ផ្\u17D2\u178Aើម'));
    expect(normalize('សួស្តី').text).toBe(normalize('សួស្ដី').text);
    // a split vowel typed as two parts
    expect(foldKhmer('\u1780\u17C1\u17B8')).toBe('\u1780\u17BE');
    expect(normalize('អោយខ្ញុំ').text).toBe(normalize('ឲ្យខ្ញុំ').text);
  });

  it('separates Khmer from Latin names and maps Khmer digits', () => {
    expect(normalize('ដំឡើងvlc').text).toBe('ដំឡើង vlc');
    expect(normalize('ស្ដារ snapshot ៥').text).toBe('ស្ដារ snapshot 5');
    expect(normalize('ដំឡើង vlc។').text).toBe('ដំឡើង vlc');
  });

  it('tells the language by script', () => {
    expect(normalize('install vlc').lang).toBe('en');
    expect(normalize('ដំឡើង vlc').lang).toBe('km');
  });
});
