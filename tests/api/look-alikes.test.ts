/** Names that read alike on the projector are one player: the UTS #39 skeleton in the key. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanNickname, nicknameKey } from '../../src/api/nickname.js';
import { skeleton } from '../../src/api/look-alikes.js';
import { CONFUSABLES_FILE, confusablesFileText } from '../../src/cli/confusables-file.js';

const key = (name: string) => {
  const cleaned = cleanNickname(name);
  if (!cleaned.ok) throw new Error(`${name} refused: ${cleaned.reason}`);
  return cleaned.key;
};

describe('nickname key', () => {
  it.each([
    ['Ana', 'Аna', 'Cyrillic А'],
    ['ana', 'аnа', 'Cyrillic а, small'],
    ['AHA', 'АНА', 'Cyrillic А Н'],
    ['Oscar', '\u0585scar', 'Armenian օ'],
    ['Sue', 's\u057De', 'Armenian ս'],
    ['Ana', '\u13AAna', 'Cherokee Ꭺ'],
    ['Will', '\u13B3ill', 'Cherokee Ꮃ'],
    ['Eva', '\u13ACva', 'Cherokee Ꭼ'],
    ['Ana', 'ᴀɴᴀ', 'small capitals'],
    ['Ruth', 'ʀuᴛʜ', 'small capitals'],
    ['Ana', '𝐀𝐧𝐚', 'mathematical bold'],
    ['Ana', '𝒜𝓃𝒶', 'mathematical script'],
    ['Ana', 'Ａｎａ', 'fullwidth'],
    ['Dan', 'ԁаn', 'Cyrillic ԁ а'],
    ['Eva', 'Eνa', 'Greek ν'],
    ['Bepa', 'Вера', 'Cyrillic В е р а'],
    ['Oscar', 'Os\u1D04\u0251r', 'small-capital c, Latin alpha'],
    ['Amelia', '\u13AA\u1D0D\u0435\u029F\u0456\u0430', 'Cherokee, small capitals and Cyrillic mixed'],
    ['Paul', '\u0420\u0430u\u217C', 'Cyrillic Р а, Roman numeral ⅼ'],
    ['Emma', 'Ernrna', 'rn reads as m'],
    ['Zoë', 'Zo\u0451', 'Cyrillic ё'],
  ])('%s and %s are one name (%s)', (latin, lookAlike) => {
    expect(key(lookAlike)).toBe(key(latin));
  });

  it('keeps case out of it', () => {
    const pairs: [string, string][] = [
      ['Ian', 'IAN'],
      ['ΝΙΚΟΣ', 'νικος'],
      ['Straße', 'STRASSE'],
      ['ÉLODIE', 'élodie'],
    ];
    for (const [a, b] of pairs) expect(key(a)).toBe(key(b));
  });

  it('keeps different names in one script apart', () => {
    const names = [
      ['Ana', 'Anna', 'Ada', 'Ava', 'Eva', 'Emma', 'Erna', 'Tom', 'Tim', 'Jon', 'Joan', 'Lea', 'Leo'],
      ['Νίκος', 'Νίκας', 'Γιώργος', 'Γιάννης', 'Ελένη', 'Ελπίδα', 'Μαρία', 'Μάρθα', 'Κώστας', 'Κωστής'],
      ['Наташа', 'Надежда', 'Иван', 'Илья', 'Саша', 'Маша', 'Даша', 'Ольга', 'Олег', 'Борис', 'Вера'],
      ['Արամ', 'Անի', 'Նարե', 'Մարիամ'],
      ['ᎠᏍᎦᏯ', 'ᎠᎨᏯ', 'ᎤᏬᏚᎯ'],
    ];
    for (const script of names) {
      const keys = script.map(key);
      expect(new Set(keys).size, script.join(' ')).toBe(script.length);
    }
    expect(key('Наташа')).not.toBe(key('Natasha'));
    expect(key('王小明')).toBe('王小明');
  });

  it('leaves the key of an ordinary Latin name as it was before the skeleton', () => {
    // Rooms already in a database hold keys made by case folding alone.
    for (const name of ['Tom', 'Emma', 'Sam Smith', 'José María', 'Zoë', 'Ana-Maria', 'Noémie'])
      expect(nicknameKey(name)).toBe(name.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKC'));
  });

  it('maps through UTS #39 prototypes, m to rn included', () => {
    expect(skeleton('m')).toBe('rn');
    expect(skeleton('0')).toBe('o');
    expect(skeleton('1')).toBe('l');
    expect(skeleton('\u0585')).toBe('o');
  });

  it('keeps the generated table in step with the package it comes from', async () => {
    expect(readFileSync(CONFUSABLES_FILE, 'utf8')).toBe(await confusablesFileText());
  }, 30_000);
});
