/** The door: offensive nicknames refused, real names let through. */
import { describe, expect, it } from 'vitest';
import { nicknameFilter, spelledOut } from '../../src/server/offensive.js';

const refuse = nicknameFilter();

describe('offensive nicknames', () => {
  it('lets real names through, including ones that run into a listed word', () => {
    for (const name of [
      'Anna Lee',
      'Diana Lee',
      'Ana Luiza',
      'Gianna Lombardi',
      'Ana L',
      'Maximilian Alexandrov Xu',
      'Dickson',
      'Charles Dickens',
      'Cummings',
      'Sam Cumming',
      'Analise',
      'Dikshit',
      'Hancock',
      'Scunthorpe',
    ])
      expect(refuse(name), name).toBeNull();
  });

  it('refuses listed words, their look-alikes and their spelt-out forms', () => {
    for (const name of [
      'fuck',
      'fvck',
      'b1tch',
      'dickhead',
      'f u c k',
      'f.u.c.k',
      'a s s h o l e',
      'Dickson cock',
    ])
      expect(refuse(name), name).toMatch(/not allowed/);
  });

  it('joins only runs of single letters', () => {
    expect(spelledOut('f u c k')).toEqual(['fuck']);
    expect(spelledOut('Ana L')).toEqual([]);
    expect(spelledOut('J R R Tolkien')).toEqual(['JRR']);
  });
});
