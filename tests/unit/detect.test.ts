import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/readers/registry.js';

describe('detectFormat (content only)', () => {
  it.each([
    ['<table><tr><th>Level</th></tr></table>', 'html-table'],
    ['<!DOCTYPE html><html><body><table></table></body></html>', 'html-table'],
    ['# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n', 'gfm-table'],
    ['| Level | Scope |\n|---|---|\n| 1 | x |\n', 'gfm-table'],
    ['# Engineers\n\n## Level 1\n\nDoes things.\n', 'prose'],
    ['---\nlevels: 3\ntopics:\n  - name: a\n---\nbody\n', 'front-matter'],
    ['<!-- ladderc:canonical v1 -->\n# T\n', 'ladderc-md'],
    ['Technical Roles\nJunior (P1) → Mid (P2)\nIndividual contributor\n', 'text'],
    ['Just a sentence - with a dash.\nAnother line.\n', 'text'],
    ['<!doctype html><html><body><h1>Ladder</h1><h2>Junior</h2><p>Learns.</p></body></html>', 'prose'],
    ['<h1>Ladder</h1>\n<h2>Junior</h2>\n<ul><li>Learns.</li></ul>\n', 'prose'],
    ['<p align="center"><img src="logo.png"></p>\n\n# Ladder\n\n## Junior\n\n- Learns.\n', 'prose'],
    ['<h2>Junior (L1)</h2>\n<table><tr><td>x</td></tr></table>', 'html-table'],
    ['---\ntitle: Data\nlevels:\n  - code: D1\n---\n', 'front-matter'],
    ['Level\tTitle\tCraft\nL1\tJunior\tLearns\nL2\tSenior\tTeaches\n', 'csv'],
    ['Competency,Level 1,Level 2\nCraft,"Learns, with help",Builds\nImpact,Team,Group\n', 'csv'],
    ['We value growth, kindness, and craft.\nOur ladder has levels, and each has expectations.\nAsk your manager, or your peers.\n', 'text'],
    ['---\ntitle: Data\nlevels: 2\n---\n# Data\n\n## Junior\n\nLearns.\n', 'prose'],
    ['<nav><a href="/">Home</a></nav>\n<h2>Levels</h2>\n<table><tr><th>Competency</th><th>Junior</th></tr></table>', 'html-table'],
    ['<header><a href="/">Acme</a></header>\n<h1>Ladder</h1>\n<h2>Junior</h2>\n<p>Learns.</p>', 'prose'],
  ])('%j → %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});
