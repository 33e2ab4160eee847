// Text from a scenario (a title, a label, a name) reaches the terminal through our output; escape
// sequences in it must not recolour, move the cursor or rewrite the screen, and bidirectional
// overrides must not reorder what is shown. Such characters are written as visible \uXXXX escapes:
// nothing is lost, and inside JSON strings the escape is the JSON escape for the same character.

// C0 controls except tab and newline, DEL, C1 controls, bidirectional embeddings/overrides/isolates.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
