// The messages a client sends, by wire name, with their bodies: the types come from the
// server's one message table (server/protocol/messages.ts, which the rooms validate
// from), taken with `import type`, so a field changed there is a type error at every
// sender here and costs the bundle nothing.

export type { ClientMessages, ClientMessageType, ServerMessages } from '../../../server/protocol/messages.ts';
