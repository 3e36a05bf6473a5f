// docs/PROTOCOL.md against the message table (server/protocol/messages.ts): every
// message the rooms take is documented, with its fields and sender, and the document
// names no message the table lacks.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGES, messagesOf, type ClientMessageType } from '../../server/protocol/messages.ts';

interface DocumentedMessage {
  readonly fields: readonly string[];
  readonly who: string;
}

/** The rows of the "Messages a client sends" table: each type named in the first column, with the body's fields (`name?` when optional). */
function documentedMessages(): Map<string, DocumentedMessage> {
  const doc = fs.readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');
  const section = doc.split('## Messages a client sends')[1]?.split('\n## ')[0] ?? '';
  const out = new Map<string, DocumentedMessage>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const [, types = '', body = '', who = ''] = cells;
    if (!line.startsWith('|') || types === 'type' || types.startsWith('---')) continue;
    const braces = /`\{([^}]*)\}`/.exec(body)?.[1] ?? '';
    const fields = braces.split(',').map((f) => f.trim()).filter((f) => f !== '');
    for (const [, name] of types.matchAll(/`([^`]+)`/g)) if (name) out.set(name, { fields, who });
  }
  return out;
}

/** A shape's fields as the document writes them. */
function tableFields(type: ClientMessageType): string[] {
  return Object.entries(CLIENT_MESSAGES[type].shape).map(([name, spec]) => ((spec as { optional?: boolean }).optional ? `${name}?` : name));
}

describe('docs/PROTOCOL.md and the message table', () => {
  const documented = documentedMessages();

  it('documents every message in the table, with its fields and who sends it', () => {
    for (const type of Object.keys(CLIENT_MESSAGES) as ClientMessageType[]) {
      const doc = documented.get(type);
      expect(doc, `${type} is missing from docs/PROTOCOL.md`).toBeDefined();
      expect(doc?.fields, `${type}'s fields`).toEqual(tableFields(type));
      expect(doc?.who, `${type}'s sender`).toBe(CLIENT_MESSAGES[type].sender);
    }
  });

  it('documents no message the table lacks', () => {
    const extra = [...documented.keys()].filter((name) => !Object.hasOwn(CLIENT_MESSAGES, name));
    expect(extra).toEqual([]);
  });

  it('has each room take its own messages: moves in both, pause/resume in practice, host:* in a class', () => {
    expect(messagesOf('practice')).toEqual(['place', 'coalesce', 'release', 'pause', 'resume']);
    expect(messagesOf('classroom').filter((t) => !t.startsWith('host:'))).toEqual(['place', 'coalesce', 'release']);
  });
});
