// A trace the project recorded from its own model of a word-frequency program: a line
// buffer that is realloc'd as lines grow and freed per line, a small node and a copy of
// the word for each new word, a hash table realloc'd when it fills, everything freed at
// exit. CS:APP .rep format (shared/trace/rep.ts).

export const WORD_FREQUENCY_REP = `4096
101
40
1
a 0 32
a 100 16
r 100 32
a 1 24
a 2 4
a 3 24
a 4 5
a 5 24
a 6 6
f 100
a 100 16
r 100 32
a 7 24
a 8 6
a 9 24
a 10 6
r 0 64
a 11 24
a 12 3
f 100
a 100 16
r 100 32
a 13 24
a 14 5
f 100
f 1
f 2
f 3
f 4
f 5
f 6
f 7
f 8
f 9
f 10
f 11
f 12
f 13
f 14
f 0
`;
