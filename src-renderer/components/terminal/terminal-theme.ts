// Terminal colours for the light and dark themes: the default text is well above 4.5:1 on its background in both,
// and the ANSI palette is darkened for light (pacman's yellow and green stay readable on white).
import type { ITheme } from '@xterm/xterm';

export const LIGHT: ITheme = {
  background: '#fcfcfc',
  foreground: '#232629',
  cursor: '#232629',
  cursorAccent: '#fcfcfc',
  selectionBackground: '#b6d7f5',
  black: '#232629',
  red: '#b3261e',
  green: '#1d6b2f',
  yellow: '#7a5b00',
  blue: '#1f5fa8',
  magenta: '#8e3a8c',
  cyan: '#0f6b73',
  white: '#5c6166',
  brightBlack: '#4d5257',
  brightRed: '#9c1c15',
  brightGreen: '#175a27',
  brightYellow: '#684d00',
  brightBlue: '#194f8c',
  brightMagenta: '#762f74',
  brightCyan: '#0b5a61',
  brightWhite: '#3b4045',
};

export const DARK: ITheme = {
  background: '#1b1e20',
  foreground: '#e6e8ea',
  cursor: '#e6e8ea',
  cursorAccent: '#1b1e20',
  selectionBackground: '#3d5a7a',
  black: '#4d5257',
  red: '#f28b82',
  green: '#81c995',
  yellow: '#fdd663',
  blue: '#8ab4f8',
  magenta: '#d7aefb',
  cyan: '#78d9ec',
  white: '#e6e8ea',
  brightBlack: '#9aa0a6',
  brightRed: '#f6aea9',
  brightGreen: '#a8dab5',
  brightYellow: '#fde293',
  brightBlue: '#aecbfa',
  brightMagenta: '#e9d2fd',
  brightCyan: '#a1e4f2',
  brightWhite: '#ffffff',
};

export const themeFor = (dark: boolean): ITheme => (dark ? DARK : LIGHT);
